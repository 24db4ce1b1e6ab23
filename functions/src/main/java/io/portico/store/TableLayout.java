package io.portico.store;

import io.portico.domain.Product;
import java.util.Locale;
import java.util.Set;

/**
 * Every DynamoDB key and index Portico uses, in one place. The table definitions themselves live
 * in {@code template.yaml} (the local stack creates its tables from there).
 *
 * <h2>Billing table ({@code portico.tables.billing}, stream NEW_IMAGE, TTL on {@code ttl})</h2>
 * One item per object, partition key {@code pk} only:
 * <ul>
 *   <li>{@code pk = <object id>} — customers ({@code cus_}), portal configurations ({@code bpc_}),
 *       promotion codes ({@code promo_}), events ({@code evt_}) and, later, every billing object. Ids
 *       are random and global, so the id alone addresses the item; {@code scope} ({@code acct_…:test|live})
 *       is checked on every read.</li>
 *   <li>{@code pk = <kind>#<scope>#<id>} — objects whose id the merchant chooses (products' custom
 *       ids, coupons such as {@code SUMMER25}): unique only per account and mode, so the scope is part
 *       of the key and no account learns another's ids ({@link #objectPk}: the kinds in
 *       {@link #MERCHANT_NAMED_KINDS}).</li>
 *   <li>{@code pk = acct_…} — a merchant account; {@code pk = apikey#<sha256 of the secret>} — one secret key.</li>
 *   <li>{@code pk = default_configuration#<scope>} — a marker that makes "one default configuration
 *       per account and mode" a conditional write.</li>
 *   <li>{@code pk = invoice_collection#<invoice id>} — an invoice being collected right now (a lock
 *       with a five-minute {@code ttl}, checked on claim), so one invoice is never charged twice at once.</li>
 *   <li>{@code pk = invoice_pdf#<token>} — which invoice a PDF link (with its random token) shows.</li>
 *   <li>{@code pk = price_lookup_key#<scope>#<lookup key>} — which price holds a lookup key (unique
 *       per account and mode), claimed in the same transaction as the price.</li>
 *   <li>{@code pk = promotion_code#<scope>#<lower-case code>} — which active promotion code holds a
 *       customer-facing code (unique per account and mode among active codes, whatever the case),
 *       claimed while the code is active, released when it is deactivated.</li>
 *   <li>{@code pk = pm_…} — a payment method: only what Stripe shows of it (brand, last four digits,
 *       expiry, a keyed fingerprint), never a full card or account number. A detached one is a
 *       tombstone ({@code deleted = true}, no {@code list_pk}): retrievable, never attachable again.</li>
 *   <li>{@code pk = txi_…} — a customer's tax ID (Stripe's {@code tax_id}), listed per customer through
 *       {@value #BY_LOOKUP} and on the portal home through {@value #BY_OWNER} (rank 3). A deleted one is a
 *       tombstone ({@code deleted = true}) without any index keys; it can no longer be retrieved.</li>
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
 * promotion codes by lower-case {@code code}; payment methods by {@code customer} (only attached ones carry it); subscriptions, invoices and tax IDs by {@code customer}; pending
 * invoice items by subscription, {@code <scope>#invoiceitem#pending#<subscription>}).
 *
 * <p>GSI {@value #BY_OWNER}: {@code owner_pk = <scope>#owner#<customer id>}, {@code owner_sk =
 * <rank>#<inverted created ms>#<id>} — everything the customer portal's home page shows, in one
 * query: the customer (rank 0), its subscriptions that have not ended (1), attached payment
 * methods (2), tax IDs (3) and finalized invoices (4), each kind newest first ({@link #ownerSk}).
 * Items that stop being shown (an ended subscription, a detached payment method) drop the keys.
 *
 * <p>GSI {@value #BY_DUE} (keys and {@code scope}): {@code due_pk}, {@code due_at} (epoch seconds) — what the billing
 * clock must do next: a subscription's period end, trial end, scheduled cancellation or incomplete
 * expiry. {@code due_pk} is {@code due#<0..7>} (a shard of the real clock, by id) or
 * {@code clock#<test clock id>} for objects on a test clock, which only that clock's advances touch.
 * Subscriptions with nothing scheduled (ended) carry neither attribute.
 *
 * <h2>Sessions table ({@code portico.tables.sessions}, TTL on {@code ttl})</h2>
 * <ul>
 *   <li>{@code pk = session#<sha256 of the link token>} — a portal session: {@code data} (the session
 *       without its url), {@code scope}, {@code customer}, lifetime instants in epoch ms
 *       ({@code created_ms}, {@code opened_ms}, {@code last_activity_ms}, {@code expires_ms}) and {@code ttl}.
 *       The token itself is never stored. Once the link is opened it also holds {@code credential_hash}:
 *       a link works once.</li>
 *   <li>{@code pk = portal#<sha256 of a portal credential>} — what a link was exchanged for (the
 *       hosted page's cookie or a front-end's bearer token): the session ({@code data}), {@code scope},
 *       {@code customer}, the lifetime attributes above (sliding with every call) and, as of the
 *       exchange, {@code merchant} and {@code brand} (accounts) and {@code configuration}, so one
 *       update both authenticates a call and reads all it needs of the session.</li>
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
  public static final String BY_DUE = "by_due";
  public static final String BY_OWNER = "by_owner";
  public static final String OWNER_PK = "owner_pk";
  public static final String OWNER_SK = "owner_sk";
  public static final String DUE_PK = "due_pk";
  public static final String DUE_AT = "due_at";
  /** Shards of the real billing clock's partition, so one hot key does not carry every account. */
  public static final int DUE_SHARDS = 8;

  /** Kinds whose ids the merchant chooses: their items are keyed by scope and id (see {@link #objectPk}). */
  public static final Set<String> MERCHANT_NAMED_KINDS = Set.of(Product.OBJECT, "coupon");

  private TableLayout() {}

  /** The partition key of object {@code id} of {@code kind}: the id itself, unless the merchant named it. */
  public static String objectPk(String scopeKey, String kind, String id) {
    return MERCHANT_NAMED_KINDS.contains(kind) ? kind + "#" + scopeKey + "#" + id : id;
  }

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

  public static String ownerPk(String scopeKey, String customerId) {
    return scopeKey + "#owner#" + customerId;
  }

  /** Ascending order is the portal's: by kind ({@code rank}), then newest first. */
  public static String ownerSk(int rank, long createdMs, String id) {
    return String.format("%d#%013d#%s", rank, 9_999_999_999_999L - createdMs, id);
  }

  /** The due partition of an object: its test clock's, or a real-clock shard chosen by id. */
  public static String duePk(String id, String testClock) {
    return testClock != null ? "clock#" + testClock : "due#" + Math.floorMod(id.hashCode(), DUE_SHARDS);
  }

  public static String priceLookupKeyPk(String scopeKey, String lookupKey) {
    return "price_lookup_key#" + scopeKey + "#" + lookupKey;
  }

  public static String invoiceCollectionPk(String invoiceId) {
    return "invoice_collection#" + invoiceId;
  }

  public static String invoicePdfPk(String token) {
    return "invoice_pdf#" + token;
  }

  public static String promotionCodePk(String scopeKey, String code) {
    return "promotion_code#" + scopeKey + "#" + code.toLowerCase(Locale.ROOT);
  }

  public static String sessionPk(String tokenHash) {
    return "session#" + tokenHash;
  }

  public static String portalCredentialPk(String credentialHash) {
    return "portal#" + credentialHash;
  }

  public static String idempotencyPk(String scopeKey, String key) {
    return "idempotency#" + scopeKey + "#" + key;
  }
}
