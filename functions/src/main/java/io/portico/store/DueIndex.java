package io.portico.store;

import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * What the billing clock must act on ({@value TableLayout#BY_DUE}): subscriptions at their next
 * event, invoices at their next payment attempt.
 */
@Singleton
public class DueIndex {
  /** An object due at {@code at}: its id ({@code sub_…} or {@code in_…}) and account. */
  public record Due(String id, Scope scope, Instant at) {}

  private final BillingTable table;

  public DueIndex(BillingTable table) {
    this.table = table;
  }

  /** Up to {@code limit} objects of a due partition ({@link TableLayout#duePk}) due at or before {@code upTo}, earliest first. */
  public List<Due> due(String duePk, Instant upTo, int limit) {
    List<Due> out = new ArrayList<>();
    QueryEnhancedRequest q = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortLessThanOrEqualTo(Key.builder().partitionValue(duePk).sortValue(upTo.getEpochSecond()).build()))
        .limit(limit).build();
    for (var page : table.index(TableLayout.BY_DUE).query(q)) {
      for (EnhancedDocument doc : page.items()) {
        if (out.size() == limit) return out;
        out.add(new Due(doc.getString(TableLayout.PK), Scopes.parse(doc.getString(TableLayout.SCOPE)),
            Instant.ofEpochSecond(doc.getNumber(TableLayout.DUE_AT).longValue())));
      }
    }
    return out;
  }
}
