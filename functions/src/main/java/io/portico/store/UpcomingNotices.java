package io.portico.store;

import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the billing clock needs to send {@code invoice.upcoming} once per renewal: which renewals
 * of a due partition fall in a window, how far it has looked ahead already (the horizon), and a
 * marker per notice sent, written with its event (see {@link TableLayout}).
 */
@Singleton
public class UpcomingNotices {
  private static final String HORIZON = "horizon";
  /** Markers outlive their renewal by a week, then TTL removes them. */
  private static final long MARKER_SECONDS = 7L * 24 * 3600;
  private final BillingTable table;

  public UpcomingNotices(BillingTable table) {
    this.table = table;
  }

  /** Up to which {@code due_at} (epoch seconds) notices of partition {@code duePk} were looked for; null before the first look. */
  public Long horizon(String duePk) {
    EnhancedDocument doc = table.get(TableLayout.upcomingHorizonPk(duePk));
    return doc == null ? null : doc.getNumber(HORIZON).longValue();
  }

  /** Moves the horizon forward (never back: a slower concurrent run cannot undo a faster one). */
  public void raiseHorizon(String duePk, long horizon) {
    EnhancedDocument item = EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .putString(TableLayout.PK, TableLayout.upcomingHorizonPk(duePk)).putString(TableLayout.KIND, "upcoming_horizon")
        .putNumber(HORIZON, horizon).build();
    try {
      table.write(List.of(new Write(item, Expression.builder().expression("attribute_not_exists(pk) OR #h < :h")
          .expressionNames(Map.of("#h", HORIZON)).expressionValues(Map.of(":h", AttributeValue.fromN(Long.toString(horizon)))).build())));
    } catch (ConcurrentUpdateException alreadyFurther) {
      // another run looked further ahead already
    }
  }

  /** The objects of a due partition whose {@code due_at} lies in {@code (after, upTo]}. */
  public List<DueIndex.Due> dueBetween(String duePk, long after, long upTo) {
    List<DueIndex.Due> out = new ArrayList<>();
    if (after >= upTo) return out;
    QueryEnhancedRequest q = QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBetween(
        Key.builder().partitionValue(duePk).sortValue(after + 1).build(), Key.builder().partitionValue(duePk).sortValue(upTo).build())).build();
    for (var page : table.index(TableLayout.BY_DUE).query(q)) {
      for (EnhancedDocument doc : page.items()) {
        out.add(new DueIndex.Due(doc.getString(TableLayout.PK), Scopes.parse(doc.getString(TableLayout.SCOPE)),
            Instant.ofEpochSecond(doc.getNumber(TableLayout.DUE_AT).longValue())));
      }
    }
    return out;
  }

  public boolean sent(String subscriptionId, long periodEnd) {
    return table.get(TableLayout.invoiceUpcomingPk(subscriptionId, periodEnd)) != null;
  }

  /** Stages the marker of the notice for the renewal at {@code periodEnd}; the commit fails if it was sent meanwhile. */
  public void stageSent(Changes changes, Scope scope, String subscriptionId, long periodEnd) {
    changes.add(Write.insert(EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .putString(TableLayout.PK, TableLayout.invoiceUpcomingPk(subscriptionId, periodEnd)).putString(TableLayout.KIND, "invoice_upcoming")
        .putString(TableLayout.SCOPE, scope.key()).putNumber(TableLayout.TTL, periodEnd + MARKER_SECONDS).build()));
  }
}
