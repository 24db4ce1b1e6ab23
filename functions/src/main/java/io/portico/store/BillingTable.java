package io.portico.store;

import io.portico.domain.Scope;
import io.portico.error.ApiError;
import io.portico.wire.Json;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPage;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The billing table as a store of Stripe objects (layout: {@link TableLayout}). Repositories build
 * on it; every write is a transaction so an object and the events describing its change are
 * written together or not at all.
 */
@Singleton
public class BillingTable {
  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<EnhancedDocument> table;

  private final SessionsTable sessions;

  public BillingTable(DynamoDbEnhancedClient client, TableNames names, SessionsTable sessions) {
    this.client = client;
    this.sessions = sessions;
    this.table = client.table(names.billing(), TableSchema.documentSchemaBuilder()
        .addIndexPartitionKey(TableMetadata.primaryIndexName(), TableLayout.PK, AttributeValueType.S)
        .addIndexPartitionKey(TableLayout.BY_LIST, TableLayout.LIST_PK, AttributeValueType.S)
        .addIndexSortKey(TableLayout.BY_LIST, TableLayout.LIST_SK, AttributeValueType.S)
        .addIndexPartitionKey(TableLayout.BY_LOOKUP, TableLayout.LOOKUP_PK, AttributeValueType.S)
        .addIndexSortKey(TableLayout.BY_LOOKUP, TableLayout.LIST_SK, AttributeValueType.S)
        .addIndexPartitionKey(TableLayout.BY_DUE, TableLayout.DUE_PK, AttributeValueType.S)
        .addIndexSortKey(TableLayout.BY_DUE, TableLayout.DUE_AT, AttributeValueType.N)
        .addIndexPartitionKey(TableLayout.BY_OWNER, TableLayout.OWNER_PK, AttributeValueType.S)
        .addIndexSortKey(TableLayout.BY_OWNER, TableLayout.OWNER_SK, AttributeValueType.S)
        .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .build());
  }

  /** A new, empty unit of work on this table (and the sessions table). */
  public Changes changes() {
    return new Changes(this);
  }

  /** A secondary index, for repositories with queries of their own. */
  DynamoDbIndex<EnhancedDocument> index(String name) {
    return table.index(name);
  }

  public EnhancedDocument get(String pk) {
    return table.getItem(GetItemEnhancedRequest.builder().key(Key.builder().partitionValue(pk).build()).consistentRead(true).build());
  }

  /** DynamoDB's limit of keys per BatchGetItem. */
  static final int BATCH_GET_KEYS = 100;

  /**
   * The objects of {@code kind} in {@code scope} at these keys, read consistently in one BatchGetItem
   * per hundred keys (the paginator asks again for any keys DynamoDB left unprocessed), in the order
   * asked; keys absent or someone else's are left out.
   */
  public <T> List<Versioned<T>> findAllByPk(Scope scope, String kind, List<String> pks, Class<T> type) {
    Map<String, EnhancedDocument> found = new HashMap<>();
    for (int from = 0; from < pks.size(); from += BATCH_GET_KEYS) {
      ReadBatch.Builder<EnhancedDocument> batch = ReadBatch.builder(EnhancedDocument.class).mappedTableResource(table);
      // DynamoDB refuses a batch that names the same key twice; a repeated key is answered from the one read.
      for (String pk : new LinkedHashSet<>(pks.subList(from, Math.min(pks.size(), from + BATCH_GET_KEYS)))) {
        batch.addGetItem(GetItemEnhancedRequest.builder().key(Key.builder().partitionValue(pk).build()).consistentRead(true).build());
      }
      for (BatchGetResultPage page : client.batchGetItem(r -> r.readBatches(batch.build()))) {
        for (EnhancedDocument doc : page.resultsForTable(table)) found.put(doc.getString(TableLayout.PK), doc);
      }
    }
    List<Versioned<T>> out = new ArrayList<>();
    for (String pk : pks) {
      EnhancedDocument doc = found.get(pk);
      if (doc != null && kind.equals(doc.getString(TableLayout.KIND)) && scope.key().equals(doc.getString(TableLayout.SCOPE))) {
        out.add(versioned(doc, type));
      }
    }
    return out;
  }

  /** The object {@code id} of {@code kind} in {@code scope}; null when absent or someone else's. */
  public <T> Versioned<T> find(Scope scope, String kind, String id, Class<T> type) {
    if (id == null || id.isEmpty()) return null;
    EnhancedDocument doc = get(TableLayout.objectPk(scope.key(), kind, id));
    if (doc == null || !kind.equals(doc.getString(TableLayout.KIND)) || !scope.key().equals(doc.getString(TableLayout.SCOPE))) {
      return null;
    }
    return versioned(doc, type);
  }

  public static <T> Versioned<T> versioned(EnhancedDocument doc, Class<T> type) {
    boolean deleted = doc.isPresent("deleted") && doc.getBoolean("deleted");
    return new Versioned<>(Json.read(doc.getJson(TableLayout.DATA), type), doc.getNumber(TableLayout.VERSION).longValue(),
        doc.getNumber("created_ms").longValue(), deleted);
  }

  /** An object item ready to write: keys, scope, kind, version and its data as Stripe's JSON. */
  public static EnhancedDocument.Builder objectItem(Scope scope, String kind, String id, long createdMs, long version, Object data) {
    return objectItem(scope, kind, id, createdMs, version, data, true);
  }

  /** {@code listed = false} leaves the object out of its list (a deleted object's tombstone). */
  public static EnhancedDocument.Builder objectItem(Scope scope, String kind, String id, long createdMs, long version, Object data,
      boolean listed) {
    EnhancedDocument.Builder b = EnhancedDocument.builder()
        .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .putString(TableLayout.PK, TableLayout.objectPk(scope.key(), kind, id))
        .putString(TableLayout.KIND, kind)
        .putString(TableLayout.SCOPE, scope.key())
        .putNumber(TableLayout.VERSION, version)
        .putNumber("created_ms", createdMs)
        .putString(TableLayout.LIST_SK, TableLayout.listSk(createdMs, id))
        .putJson(TableLayout.DATA, Json.write(data));
    if (listed) b.putString(TableLayout.LIST_PK, TableLayout.listPk(scope.key(), kind));
    return b;
  }

  /** Writes all items (in either table) in one transaction; a failed condition means a concurrent writer won. */
  public void write(List<Write> writes) {
    TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
    for (Write w : writes) {
      DynamoDbTable<EnhancedDocument> target = w.sessionsTable() ? sessions.table() : table;
      if (w.deletePk() != null && w.condition() != null) {
        tx.addDeleteItem(target, TransactDeleteItemEnhancedRequest.builder().key(Key.builder().partitionValue(w.deletePk()).build())
            .conditionExpression(w.condition()).build());
      } else if (w.deletePk() != null) {
        tx.addDeleteItem(target, Key.builder().partitionValue(w.deletePk()).build());
      } else if (w.checkPk() != null) {
        tx.addConditionCheck(target, ConditionCheck.builder().key(Key.builder().partitionValue(w.checkPk()).build())
            .conditionExpression(w.condition()).build());
      } else {
        tx.addPutItem(target, TransactPutItemEnhancedRequest.builder(EnhancedDocument.class).item(w.item()).conditionExpression(w.condition()).build());
      }
    }
    try {
      client.transactWriteItems(tx.build());
    } catch (TransactionCanceledException e) {
      boolean conflict = e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code())
          || "TransactionConflict".equals(r.code()));
      if (!conflict) throw e;
      Set<Integer> failed = new HashSet<>();
      for (int i = 0; i < e.cancellationReasons().size(); i++) {
        if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(i).code())) failed.add(i);
      }
      throw new ConcurrentUpdateException("a concurrent request changed the same object", e, failed);
    }
  }

  /**
   * One page of {@code kind} objects under an index partition, newest first, with Stripe's cursors.
   * {@code filter} (may be null) is applied by DynamoDB; pages are read until the limit is met.
   */
  public <T> ListPage<T> list(Scope scope, String kind, String index, String partition, ListRequest req, Expression filter, Class<T> type) {
    QueryConditional condition;
    boolean newestFirst = true;
    Key partitionOnly = Key.builder().partitionValue(partition).build();
    if (req.startingAfter() != null) {
      condition = QueryConditional.sortLessThan(Key.builder().partitionValue(partition).sortValue(cursor(scope, kind, req.startingAfter(), "starting_after")).build());
    } else if (req.endingBefore() != null) {
      condition = QueryConditional.sortGreaterThan(Key.builder().partitionValue(partition).sortValue(cursor(scope, kind, req.endingBefore(), "ending_before")).build());
      newestFirst = false;
    } else {
      condition = QueryConditional.keyEqualTo(partitionOnly);
    }
    QueryEnhancedRequest.Builder q = QueryEnhancedRequest.builder().queryConditional(condition).scanIndexForward(!newestFirst)
        .limit(Math.min(req.limit() + 1, 100));
    if (filter != null) q.filterExpression(filter);
    List<T> out = new ArrayList<>();
    boolean more = false;
    outer:
    for (Page<EnhancedDocument> page : table.index(index).query(q.build())) {
      for (EnhancedDocument doc : page.items()) {
        if (out.size() == req.limit()) {
          more = true;
          break outer;
        }
        out.add(Json.read(doc.getJson(TableLayout.DATA), type));
      }
    }
    if (!newestFirst) Collections.reverse(out);
    return new ListPage<>(out, more);
  }

  private String cursor(Scope scope, String kind, String id, String param) {
    EnhancedDocument doc = get(TableLayout.objectPk(scope.key(), kind, id));
    if (doc == null || !kind.equals(doc.getString(TableLayout.KIND)) || !scope.key().equals(doc.getString(TableLayout.SCOPE))) {
      throw ApiError.noSuch(kind, id, param).asBadRequest(); // named in the query, not the URL
    }
    return doc.getString(TableLayout.LIST_SK);
  }

}
