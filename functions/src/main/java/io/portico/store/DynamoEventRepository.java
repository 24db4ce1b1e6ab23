package io.portico.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.domain.Scope;
import io.portico.error.ApiError;
import io.portico.wire.Json;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

@Singleton
public class DynamoEventRepository implements EventRepository {
  /** Above every list_sk ("<13 digits>#<id>"). */
  private static final String TOP = "9999999999999~";
  private static final String BOTTOM = "0";

  private final BillingTable table;

  public DynamoEventRepository(BillingTable table) {
    this.table = table;
  }

  @Override
  public JsonNode find(Scope scope, String id, Instant now) {
    if (id == null || id.isEmpty()) return null;
    EnhancedDocument doc = table.get(id);
    if (doc == null || !EventItems.KIND.equals(doc.getString(TableLayout.KIND)) || !scope.key().equals(doc.getString(TableLayout.SCOPE))) return null;
    // TTL deletes late: an event past its 30 days is gone, whatever the table still holds.
    if (doc.isPresent(TableLayout.TTL) && doc.getNumber(TableLayout.TTL).longValue() <= now.getEpochSecond()) return null;
    return Json.tree(Json.read(doc.getJson(TableLayout.DATA), JsonNode.class));
  }

  @Override
  public ListPage<JsonNode> list(Scope scope, List<String> types, TimeRange created, ListRequest req) {
    // Bounds on list_sk, both inclusive; an exclusive cursor bound is dropped from the answers below.
    String lo = BOTTOM;
    String hi = TOP;
    if (created != null) {
      if (created.gte() != null) lo = max(lo, TableLayout.listSk(created.gte() * 1000, "").replace("#", ""));
      if (created.gt() != null) lo = max(lo, TableLayout.listSk((created.gt() + 1) * 1000, "").replace("#", ""));
      if (created.lte() != null) hi = min(hi, TableLayout.listSk((created.lte() + 1) * 1000, "").replace("#", ""));
      if (created.lt() != null) hi = min(hi, TableLayout.listSk(created.lt() * 1000, "").replace("#", ""));
    }
    String exclude = null;
    boolean newestFirst = true;
    if (req.startingAfter() != null) {
      exclude = cursor(scope, req.startingAfter(), "starting_after");
      hi = min(hi, exclude);
    } else if (req.endingBefore() != null) {
      exclude = cursor(scope, req.endingBefore(), "ending_before");
      lo = max(lo, exclude);
      newestFirst = false;
    }
    if (lo.compareTo(hi) > 0) return new ListPage<>(List.of(), false);
    List<String> partitions = new ArrayList<>();
    if (types == null) {
      partitions.add(TableLayout.listPk(scope.key(), EventItems.KIND));
    } else {
      for (String t : types) partitions.add(TableLayout.lookupPk(scope.key(), EventItems.KIND, "type", t));
    }
    String index = types == null ? TableLayout.BY_LIST : TableLayout.BY_LOOKUP;
    int want = req.limit() + 1;
    List<EnhancedDocument> merged = new ArrayList<>();
    for (String partition : partitions) {
      QueryEnhancedRequest q = QueryEnhancedRequest.builder()
          .queryConditional(QueryConditional.sortBetween(Key.builder().partitionValue(partition).sortValue(lo).build(),
              Key.builder().partitionValue(partition).sortValue(hi).build()))
          .scanIndexForward(!newestFirst).limit(want + 1).build();
      int taken = 0;
      outer:
      for (Page<EnhancedDocument> page : table.index(index).query(q)) {
        for (EnhancedDocument doc : page.items()) {
          if (doc.getString(TableLayout.LIST_SK).equals(exclude)) continue;
          merged.add(doc);
          if (++taken == want) break outer;
        }
      }
    }
    Comparator<EnhancedDocument> bySk = Comparator.comparing(d -> d.getString(TableLayout.LIST_SK));
    merged.sort(newestFirst ? bySk.reversed() : bySk);
    boolean more = merged.size() > req.limit();
    List<JsonNode> out = new ArrayList<>();
    for (EnhancedDocument doc : merged.subList(0, Math.min(req.limit(), merged.size()))) out.add(Json.read(doc.getJson(TableLayout.DATA), JsonNode.class));
    if (!newestFirst) Collections.reverse(out);
    return new ListPage<>(out, more);
  }

  private String cursor(Scope scope, String id, String param) {
    EnhancedDocument doc = table.get(id);
    if (doc == null || !EventItems.KIND.equals(doc.getString(TableLayout.KIND)) || !scope.key().equals(doc.getString(TableLayout.SCOPE))) {
      throw ApiError.noSuch("event", id, param).asBadRequest();
    }
    return doc.getString(TableLayout.LIST_SK);
  }

  private static String max(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
