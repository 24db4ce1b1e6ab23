package io.portico.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.config.PorticoSettings;
import io.portico.config.WebhookSettings;
import io.portico.domain.Account;
import io.portico.domain.Ids;
import io.portico.domain.Scope;
import io.portico.domain.WebhookDelivery;
import io.portico.domain.WebhookEndpoint;
import io.portico.domain.WebhookSignature;
import io.portico.store.AccountRepository;
import io.portico.store.DueIndex;
import io.portico.store.EventRepository;
import io.portico.store.StreamImages;
import io.portico.store.TableLayout;
import io.portico.store.Versioned;
import io.portico.store.WebhookDeliveryRepository;
import io.portico.store.WebhookEndpointRepository;
import io.portico.wire.Json;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to webhook endpoints, at least once. The table's stream hands every new event
 * to {@link #deliverFromStream}: one delivery per subscribed endpoint is recorded (claimed) and
 * posted at once. A failed attempt is scheduled again on the retry schedule through the due index;
 * {@link #retryDue} (a scheduled function) makes the attempts that have come due. Whoever posts
 * holds a claim on the delivery (a conditional write with a lease), so one delivery is never posted
 * twice at once; a process that dies mid-attempt leaves it to the next run once the lease ends,
 * which is the only way an endpoint sees an event twice (with the same event id).
 */
@Singleton
public class WebhookDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int PAGE = 100;

  /** A claimed delivery ready to post. */
  private record Job(Scope scope, Versioned<WebhookDelivery> claimed, WebhookEndpoint endpoint, JsonNode event) {}

  private final WebhookEndpointRepository endpoints;
  private final WebhookDeliveryRepository deliveries;
  private final EventRepository events;
  private final AccountRepository accounts;
  private final DueIndex dueIndex;
  private final WebhookSender sender;
  private final WebhookSettings settings;
  private final PorticoSettings portico;
  private final Clock clock;

  public WebhookDispatcher(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, EventRepository events,
      AccountRepository accounts, DueIndex dueIndex, WebhookSender sender, WebhookSettings settings, PorticoSettings portico, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.events = events;
    this.accounts = accounts;
    this.dueIndex = dueIndex;
    this.sender = sender;
    this.settings = settings;
    this.portico = portico;
    this.clock = clock;
  }

  /**
   * Records and posts the deliveries of a batch of new events, in order. Returns the sequence
   * number of the first record that could not be handled (the stream hands it and those after it
   * again), or null when every record was.
   */
  public String deliverFromStream(List<StreamImages.NewEvent> records) {
    Instant now = clock.instant();
    Map<String, List<WebhookEndpoint>> byScope = new HashMap<>();
    List<Job> jobs = new ArrayList<>();
    String failed = null;
    for (StreamImages.NewEvent r : records) {
      try {
        List<WebhookEndpoint> subscribed = byScope.computeIfAbsent(r.scope().key(), k -> endpoints.all(r.scope()));
        String eventId = r.event().path("id").asText();
        String type = r.event().path("type").asText();
        for (WebhookEndpoint endpoint : subscribed) {
          if (!endpoint.wants(type)) continue;
          WebhookDelivery delivery = WebhookDelivery.pending(TableLayout.deliveryId(eventId, endpoint.id()), now.getEpochSecond(), eventId, type,
              r.scope().livemode(), endpoint.id()).withNextAttempt(lease(now).getEpochSecond());
          Versioned<WebhookDelivery> claimed = deliveries.insertClaimed(r.scope(), delivery, lease(now));
          if (claimed != null) jobs.add(new Job(r.scope(), claimed, endpoint, r.event()));
          // else: a record seen before; its delivery exists and the retry runs own it
        }
      } catch (RuntimeException e) {
        LOG.error("could not fan out stream record {} ({}); it will be handed over again", r.sequenceNumber(), r.scope().key(), e);
        failed = r.sequenceNumber();
        break;
      }
    }
    post(jobs, now);
    return failed;
  }

  /** One retry run: every delivery whose next attempt has come, attempted once. Returns how many were attempted. */
  public int retryDue() {
    Instant now = clock.instant();
    int attempted = 0;
    for (int shard = 0; shard < TableLayout.DUE_SHARDS; shard++) {
      String partition = "webhooks#" + shard;
      while (true) {
        List<DueIndex.Due> due = dueIndex.due(partition, now, PAGE);
        List<Job> jobs = new ArrayList<>();
        int settled = 0;
        for (DueIndex.Due d : due) {
          try {
            Job job = claimDue(d, now);
            if (job != null) jobs.add(job);
            settled++;
          } catch (RuntimeException e) {
            LOG.error("could not claim webhook delivery {} ({})", d.id(), d.scope().key(), e);
          }
        }
        post(jobs, now);
        attempted += jobs.size();
        if (due.size() < PAGE || settled == 0) break;
      }
    }
    return attempted;
  }

  /**
   * Our extension: delivers {@code eventId} to the endpoint again now, as a new delivery (retried on
   * the schedule if this attempt fails). Returns the delivery after its first attempt.
   */
  public WebhookDelivery resend(Scope scope, WebhookEndpoint endpoint, JsonNode event) {
    Instant now = clock.instant();
    WebhookDelivery delivery = WebhookDelivery.pending(Ids.newId("whdl"), now.getEpochSecond(), event.path("id").asText(),
        event.path("type").asText(), scope.livemode(), endpoint.id()).withNextAttempt(lease(now).getEpochSecond());
    Versioned<WebhookDelivery> claimed = deliveries.insertClaimed(scope, delivery, lease(now));
    if (claimed == null) throw new IllegalStateException("a new delivery id was taken: " + delivery.id());
    return post(List.of(new Job(scope, claimed, endpoint, event)), now).get(0);
  }

  /** A due delivery, claimed; null when there is nothing to post (another run has it, or it was settled without an attempt). */
  private Job claimDue(DueIndex.Due due, Instant now) {
    Versioned<WebhookDelivery> read = deliveries.find(due.scope(), due.id());
    // The index lags the table: only what the table itself says is pending and due is claimed.
    if (read == null || !WebhookDelivery.PENDING.equals(read.value().status()) || read.value().nextAttempt() == null
        || read.value().nextAttempt() > now.getEpochSecond()) {
      return null;
    }
    Versioned<WebhookDelivery> claimed = deliveries.claim(due.scope(), read, lease(now));
    if (claimed == null) return null;
    Versioned<WebhookEndpoint> endpoint = endpoints.find(due.scope(), read.value().webhookEndpoint());
    String why = endpoint == null ? "the endpoint was deleted"
        : !WebhookEndpoint.ENABLED.equals(endpoint.value().status()) ? "the endpoint was disabled" : null;
    JsonNode event = why == null ? events.find(due.scope(), read.value().event(), now) : null;
    if (why == null && event == null) why = "the event is past its 30 days";
    if (why != null) {
      deliveries.record(due.scope(), claimed, read.value().abandoned(now.getEpochSecond(), why));
      return null;
    }
    return new Job(due.scope(), claimed, endpoint.value(), event);
  }

  /** Posts every job at once and records each outcome; returns the deliveries as recorded, in order. */
  private List<WebhookDelivery> post(List<Job> jobs, Instant now) {
    if (jobs.isEmpty()) return List.of();
    Map<String, String> versions = new ConcurrentHashMap<>();
    List<CompletableFuture<WebhookDelivery>> running = new ArrayList<>();
    for (Job job : jobs) {
      String payload = payload(job, versions);
      String signature = WebhookSignature.header(payload, job.endpoint().secret(), now.getEpochSecond());
      running.add(sender.post(job.endpoint().url(), payload, signature).thenApply(outcome -> settle(job, now, outcome)));
    }
    List<WebhookDelivery> out = new ArrayList<>();
    for (CompletableFuture<WebhookDelivery> f : running) out.add(f.join());
    return out;
  }

  private WebhookDelivery settle(Job job, Instant attemptedAt, WebhookSender.Outcome outcome) {
    WebhookDelivery before = job.claimed().value();
    WebhookDelivery.Attempt attempt = new WebhookDelivery.Attempt(attemptedAt.getEpochSecond(), outcome.status(), outcome.error(), outcome.durationMs());
    Instant next = attempt.delivered() ? null
        : settings.retries().next(Instant.ofEpochSecond(before.created()), before.attempts().size() + 1, attemptedAt);
    WebhookDelivery after = before.after(attempt, next == null ? null : next.getEpochSecond());
    LOG.debug("webhook {} {} to {}: {} in {} ms, {}", before.event(), before.eventType(), job.endpoint().url(),
        outcome.status() != null ? "HTTP " + outcome.status() : outcome.error(), outcome.durationMs(),
        after.status().equals(WebhookDelivery.PENDING) ? "retry at " + Instant.ofEpochSecond(after.nextAttempt()) : after.status());
    try {
      if (!deliveries.record(job.scope(), job.claimed(), after)) {
        LOG.warn("webhook delivery {} was claimed by another run while posting; its outcome there counts", before.id());
      }
    } catch (RuntimeException e) {
      // Not recorded: the lease ends and a retry run posts it again (at least once, same event id).
      LOG.error("could not record the attempt of webhook delivery {}", before.id(), e);
    }
    return after;
  }

  /** The event as the endpoint receives it: in the API version the endpoint asked for, else the account's, else ours. */
  private String payload(Job job, Map<String, String> versions) {
    String version = job.endpoint().apiVersion() != null ? job.endpoint().apiVersion()
        : versions.computeIfAbsent(job.scope().accountId(), id -> {
          Account account = accounts.find(id);
          return account != null && account.defaultApiVersion() != null ? account.defaultApiVersion() : portico.getApiVersion();
        });
    ObjectNode copy = job.event().deepCopy();
    copy.put("api_version", version);
    return Json.write(copy);
  }

  private Instant lease(Instant now) {
    return now.plus(settings.timeout()).plus(Duration.ofMinutes(1));
  }
}
