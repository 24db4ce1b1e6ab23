package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.Scope;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * What every object repository does the same way: one item per object in the billing table,
 * written with its event in one transaction, replaced only at the version it was read, listed
 * newest first. Subclasses name the kind and add their lookup keys.
 */
abstract class DynamoObjects<T> {
  protected final BillingTable table;
  private final String kind;
  private final Class<T> type;

  protected DynamoObjects(BillingTable table, String kind, Class<T> type) {
    this.table = table;
    this.kind = kind;
    this.type = type;
  }

  /** The object's id. */
  protected abstract String id(T object);

  /**
   * The customer whose portal home shows this object, and the object's rank there
   * ({@link TableLayout#BY_OWNER}); null when it is not shown (the default).
   */
  protected Owner owner(T object) {
    return null;
  }

  protected record Owner(String customerId, int rank) {}

  /** Extra attributes (lookup keys) an object's item carries; none by default. */
  protected void decorate(Scope scope, T object, EnhancedDocument.Builder item) {}

  public Versioned<T> find(Scope scope, String id) {
    return table.find(scope, kind, id, type);
  }

  public void insert(Scope scope, T object, long createdMs, Event event) {
    Changes changes = table.changes();
    stageInsert(changes, scope, object, createdMs, event);
    changes.commit();
  }

  public void replace(Scope scope, Versioned<T> previous, T object, Event event) {
    Changes changes = table.changes();
    stageReplace(changes, scope, previous, object, event);
    changes.commit();
  }

  /** Adds the creation of {@code object} and its event to a unit of work; a null event for a creation Stripe announces none of (a payment method's). */
  public void stageInsert(Changes changes, Scope scope, T object, long createdMs, Event event) {
    changes.add(Write.insert(item(scope, object, createdMs, 1)));
    if (event != null) changes.add(EventItems.insert(scope, event));
  }

  /** Adds the replacement of {@code previous} (at its version) and the event to a unit of work. */
  public void stageReplace(Changes changes, Scope scope, Versioned<T> previous, T object, Event event) {
    changes.add(Write.replace(item(scope, object, previous.createdMs(), previous.version() + 1), previous.version()));
    changes.add(EventItems.insert(scope, event));
  }

  /** Adds a condition to a unit of work: {@code read} must still be at the version it was read at when the work commits. */
  public void stageUnchanged(Changes changes, Versioned<T> read) {
    changes.add(Write.unchanged(id(read.value()), read.version()));
  }

  /** Keeps a tombstone: retrieval can answer {@code deleted: true}, the id is never reused, and it leaves every list. */
  public void markDeleted(Scope scope, Versioned<T> previous, Event event) {
    Changes changes = table.changes();
    stageMarkDeleted(changes, scope, previous, previous.value(), event);
    changes.commit();
  }

  /** Adds a tombstone holding {@code last} (the object as it ends) and its event to a unit of work. */
  protected void stageMarkDeleted(Changes changes, Scope scope, Versioned<T> previous, T last, Event event) {
    changes.add(Write.replace(BillingTable.objectItem(scope, kind, id(last), previous.createdMs(), previous.version() + 1, last, false)
        .putBoolean("deleted", true).build(), previous.version()));
    changes.add(EventItems.insert(scope, event));
  }

  protected EnhancedDocument item(Scope scope, T object, long createdMs, long version) {
    EnhancedDocument.Builder b = BillingTable.objectItem(scope, kind, id(object), createdMs, version, object);
    Owner owner = owner(object);
    if (owner != null) {
      b.putString(TableLayout.OWNER_PK, TableLayout.ownerPk(scope.key(), owner.customerId()))
          .putString(TableLayout.OWNER_SK, TableLayout.ownerSk(owner.rank(), createdMs, id(object)));
    }
    decorate(scope, object, b);
    return b.build();
  }

  protected ListPage<T> listAll(Scope scope, ListRequest request, Expression filter) {
    return table.list(scope, kind, TableLayout.BY_LIST, TableLayout.listPk(scope.key(), kind), request, filter, type);
  }

  protected ListPage<T> listByLookup(Scope scope, String filterName, String value, ListRequest request, Expression filter) {
    return table.list(scope, kind, TableLayout.BY_LOOKUP, TableLayout.lookupPk(scope.key(), kind, filterName, value), request, filter, type);
  }

  protected String lookupPk(Scope scope, String filterName, String value) {
    return TableLayout.lookupPk(scope.key(), kind, filterName, value);
  }
}
