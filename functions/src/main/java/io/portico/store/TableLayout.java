package io.portico.store;

/**
 * Every DynamoDB key and index Portico uses, in one place. The table definitions themselves live
 * in {@code template.yaml} (the local stack creates its tables from there).
 *
 * <h2>Billing table ({@code portico.tables.billing}, stream NEW_IMAGE, TTL on {@code ttl})</h2>
 * One item per object, partition key {@code pk} only:
 * <ul>
 *   <li>{@code pk = <object id>} — customers ({@code cus_}), portal configurations ({@code bpc_}),
 *       events ({@code evt_}) and, later, every billing object. Ids are random and global, so the
 *       id alone addresses the item; {@code scope} ({@code acct_…:test|live}) is checked on every read.</li>
 *   <li>{@code pk = acct_…} — a merchant account; {@code pk = apikey#<sha256 of the secret>} — one secret key.</li>
 *   <li>{@code pk = default_configuration#<scope>} — a marker that makes "one default configuration
 *       per account and mode" a conditional write.</li>
 *   <li>{@code pk = price_lookup_key#<scope>#<lookup key>} — which price holds a lookup key (unique
 *       per account and mode), claimed in the same transaction as the price.</li>
 *   <li>{@code pk = pm_…} — a payment method: only what Stripe shows of it (brand, last four digits,
 *       expiry, a keyed fingerprint), never a full card or account number. A detached one is a
 *       tombstone ({@code deleted = true}, no {@code list_pk}): retrievable, never attachable again.</li>
 * </ul>
 * Attributes: {@code kind} (the Stripe object name), {@code scope}, {@code data} (the object as
 * Stripe's JSON, a map), {@code version} (optimistic concurrency: every replace is conditional on
 * it), {@code ttl} (epoch seconds; events only, 30 days as Stripe keeps them).
 *
 * <p>GSI {@value #BY_LIST}: {@code list_pk = <scope>#<kind>}, {@code list_sk = <created, 13-digit
 * epoch ms>#<id>} — every list endpoint, newest first, cursor pagination by {@code list_sk}.
 * Deleted objects drop their {@code list_pk} and leave the list.
 *
 * <p>GSI {@value #BY_LOOKUP}: {@code lookup_pk = <scope>#<kind>#<filter>#<value>}, same {@code list_sk} —
 * list filters that must not read the whole list (customers by {@code email}, prices by {@code product},
 * payment methods by {@code customer}: only attached ones carry it).
 *
 * <h2>Sessions table ({@code portico.tables.sessions}, TTL on {@code ttl})</h2>
 * <ul>
 *   <li>{@code pk = session#<sha256 of the link token>} — a portal session: {@code data} (the session
 *       without its url), {@code scope}, {@code customer}, lifetime instants in epoch ms
 *       ({@code created_ms}, {@code opened_ms}, {@code last_activity_ms}, {@code expires_ms}) and {@code ttl}.
 *       The token itself is never stored.</li>
 *   <li>{@code pk = idempotency#<scope>#<key>} — an Idempotency-Key: request fingerprint (an HMAC keyed
 *       by the caller's secret key: a body may hold a card number), state and the first response
 *       (sealed likewise); {@code ttl} 24 hours.</li>
 * </ul>
 * TTL deletes lazily (hours, even days late): readers check expiry themselves.
 */
public final class TableLayout {
  public static final String PK = "pk";
  public static final String KIND = "kind";
  public static final String SCOPE = "scope";
  public static final String DATA = "data";
  public static final String VERSION = "version";
  public static final String TTL = "ttl";
  public static final String LIST_PK = "list_pk";
  public static final String LIST_SK = "list_sk";
  public static final String LOOKUP_PK = "lookup_pk";
  public static final String BY_LIST = "by_list";
  public static final String BY_LOOKUP = "by_lookup";

  private TableLayout() {}

  public static String listPk(String scopeKey, String kind) {
    return scopeKey + "#" + kind;
  }

  public static String listSk(long createdMs, String id) {
    return String.format("%013d#%s", createdMs, id);
  }

  public static String lookupPk(String scopeKey, String kind, String filter, String value) {
    return scopeKey + "#" + kind + "#" + filter + "#" + value;
  }

  public static String apiKeyPk(String secretHash) {
    return "apikey#" + secretHash;
  }

  public static String defaultConfigurationPk(String scopeKey) {
    return "default_configuration#" + scopeKey;
  }

  public static String priceLookupKeyPk(String scopeKey, String lookupKey) {
    return "price_lookup_key#" + scopeKey + "#" + lookupKey;
  }

  public static String sessionPk(String tokenHash) {
    return "session#" + tokenHash;
  }

  public static String idempotencyPk(String scopeKey, String key) {
    return "idempotency#" + scopeKey + "#" + key;
  }
}
