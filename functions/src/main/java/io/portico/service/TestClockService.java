package io.portico.service;

import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.DeletedObject;
import io.portico.api.ListObject;
import io.portico.domain.Ids;
import io.portico.domain.TestClock;
import io.portico.error.ApiError;
import io.portico.store.ListPage;
import io.portico.store.TestClockRepository;
import io.portico.store.Versioned;
import io.portico.wire.Params;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * {@code /v1/test_helpers/test_clocks}: clocks a merchant moves by hand in test mode. Advancing a
 * clock runs the billing clock for everything on it, up to the new time, before answering (Stripe
 * does it in the background; answering when done keeps tests simple and the status honest).
 */
@Singleton
public class TestClockService {
  private final TestClockRepository clocks;
  private final BillingClock billingClock;

  public TestClockService(TestClockRepository clocks, BillingClock billingClock) {
    this.clocks = clocks;
    this.billingClock = billingClock;
  }

  public ApiResponse create(ApiRequest req) {
    RequestContext ctx = testMode(req);
    Params p = req.params();
    Expansion.none(req);
    Long frozen = p.integer("frozen_time", 0, Long.MAX_VALUE);
    if (frozen == null) throw ApiError.missing("frozen_time");
    String name = p.nonEmptyString("name", 300);
    p.rejectUnknown();
    long now = ctx.now().getEpochSecond();
    TestClock clock = new TestClock(Ids.newId("clock"), now, now + TestClock.LIFETIME_SECONDS, frozen, false, name, "ready", null);
    clocks.insert(ctx.scope(), clock, ctx.now().toEpochMilli(), ctx.event("test_helpers.test_clock.created", clock, null));
    return ApiResponse.ok(clock);
  }

  public ApiResponse retrieve(ApiRequest req, String id) {
    RequestContext ctx = testMode(req);
    Expansion.none(req);
    req.params().rejectUnknown();
    return ApiResponse.ok(live(find(ctx, id, "id"), id).value());
  }

  public ApiResponse list(ApiRequest req) {
    RequestContext ctx = testMode(req);
    Expansion.none(req);
    var page = req.listRequest();
    req.params().rejectUnknown();
    ListPage<TestClock> result = clocks.list(ctx.scope(), page);
    return ApiResponse.ok(new ListObject(result.data(), result.hasMore(), "/v1/test_helpers/test_clocks"));
  }

  public ApiResponse delete(ApiRequest req, String id) {
    RequestContext ctx = testMode(req);
    req.params().rejectUnknown();
    return Checks.retryingConflicts(() -> {
      Versioned<TestClock> current = live(find(ctx, id, "id"), id);
      clocks.markDeleted(ctx.scope(), current, ctx.event("test_helpers.test_clock.deleted", current.value(), null));
      return ApiResponse.ok(new DeletedObject(id, TestClock.OBJECT, true));
    });
  }

  public ApiResponse advance(ApiRequest req, String id) {
    RequestContext ctx = testMode(req);
    Params p = req.params();
    Expansion.none(req);
    Long to = p.integer("frozen_time", 0, Long.MAX_VALUE);
    if (to == null) throw ApiError.missing("frozen_time");
    p.rejectUnknown();
    TestClock advanced = Checks.retryingConflicts(() -> {
      Versioned<TestClock> current = live(find(ctx, id, "id"), id);
      if (to <= current.value().frozenTime()) {
        throw ApiError.invalid("parameter_invalid", "frozen_time", "A test clock only moves forward: frozen_time must be after "
            + current.value().frozenTime() + ".");
      }
      if (to > current.value().frozenTime() + 2L * 366 * 86_400) {
        throw ApiError.invalid("parameter_invalid", "frozen_time", "Advance a test clock by at most two years at a time.");
      }
      TestClock next = current.value().advancedTo(to);
      clocks.replace(ctx.scope(), current, next, ctx.event("test_helpers.test_clock.advancing", next, current.value()));
      return next;
    });
    billingClock.runTestClock(id, Instant.ofEpochSecond(to));
    return ApiResponse.ok(advanced);
  }

  /** A clock named in a request (a customer's {@code test_clock}): it must exist in test mode. */
  public String require(RequestContext ctx, String clockId, String param) {
    if (ctx.scope().livemode()) throw ApiError.invalid("livemode_mismatch", param, "Test clocks exist only in test mode.");
    Versioned<TestClock> clock = clocks.find(ctx.scope(), clockId);
    if (clock == null || clock.deleted()) throw ApiError.noSuch("test_helpers.test_clock", clockId, param).asBadRequest();
    return clockId;
  }

  private Versioned<TestClock> find(RequestContext ctx, String id, String param) {
    Versioned<TestClock> found = clocks.find(ctx.scope(), id);
    if (found == null) throw ApiError.noSuch("test_helpers.test_clock", id, param);
    return found;
  }

  private static Versioned<TestClock> live(Versioned<TestClock> found, String id) {
    if (found.deleted()) throw ApiError.noSuch("test_helpers.test_clock", id, "id");
    return found;
  }

  private static RequestContext testMode(ApiRequest req) {
    if (req.context().scope().livemode()) {
      throw ApiError.invalid("livemode_mismatch", null, "Test clocks exist only in test mode: use a sk_test_ key.");
    }
    return req.context();
  }
}
