package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.domain.Scope;
import io.portico.store.BillingTable;
import io.portico.store.TableLayout;
import io.portico.store.Versioned;
import io.portico.store.Write;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link BillingTable#findAllByPk}, the batch read behind a subscription's pending invoice items:
 * more keys than one BatchGetItem takes, in the order asked, with keys that are missing, repeated,
 * of another kind or of another account left out as a single read would leave them out.
 */
class BillingTableBatchReadTest {
  private static final String KIND = "invoiceitem";

  @Test
  void readsManyObjectsInTheOrderAskedAndOnlyThoseOfTheScopeAndKind() {
    BillingTable table = TestStack.get().context().getBean(BillingTable.class);
    Scope mine = new Scope("acct_batch" + UUID.randomUUID().toString().replace("-", ""), false);
    Scope theirs = new Scope(mine.accountId(), true);
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 130; i++) ids.add("ii_batch" + run + i);
    for (int i = 0; i < ids.size(); i++) put(table, mine, KIND, ids.get(i), i);
    String livemode = "ii_batch" + run + "live";
    put(table, theirs, KIND, livemode, -1);
    String otherKind = "ii_batch" + run + "kind";
    put(table, mine, "invoice", otherKind, -2);

    List<String> asked = new ArrayList<>(ids);
    Collections.shuffle(asked, new Random(7));
    asked.add(40, "ii_batch" + run + "missing");
    asked.add(70, livemode);
    asked.add(90, otherKind);
    asked.add(ids.get(3)); // asked twice: answered twice, as two single reads would be

    List<Versioned<Map>> found = table.findAllByPk(mine, KIND, asked, Map.class);

    List<String> expected = new ArrayList<>(asked);
    expected.removeAll(List.of("ii_batch" + run + "missing", livemode, otherKind));
    assertEquals(expected, found.stream().map(v -> (String) v.value().get("id")).toList());
    for (Versioned<Map> v : found) {
      assertEquals(1L, v.version());
      assertEquals(ids.indexOf((String) v.value().get("id")), ((Number) v.value().get("n")).intValue());
    }
    assertEquals(List.of(), table.findAllByPk(mine, KIND, List.of(), Map.class));
  }

  private static void put(BillingTable table, Scope scope, String kind, String id, int n) {
    table.write(List.of(Write.insert(BillingTable.objectItem(scope, kind, id, 1_700_000_000_000L + n, 1, Map.of("id", id, "n", n)).build())));
    assertEquals(id, TableLayout.objectPk(scope.key(), kind, id), "invoice items are keyed by their id");
  }
}
