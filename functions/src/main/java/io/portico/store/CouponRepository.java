package io.portico.store;

import io.portico.domain.Coupon;
import io.portico.domain.Event;
import io.portico.domain.Scope;

/** Coupons, keyed by the merchant's id within an account and mode (see {@link TableLayout#objectPk}). */
public interface CouponRepository {
  /** The coupon, or a deleted one's tombstone (its terms stay readable for the discounts using it); null when unknown here. */
  Versioned<Coupon> find(Scope scope, String id);

  /** Throws {@link ConcurrentUpdateException} when this account has (or had) a coupon with this id. */
  void insert(Scope scope, Coupon coupon, long createdMs, Event event);

  void replace(Scope scope, Versioned<Coupon> previous, Coupon coupon, Event event);

  /** Keeps a tombstone (see {@link CustomerRepository#markDeleted}); the id is not reused. */
  void markDeleted(Scope scope, Versioned<Coupon> previous, Event event);

  /**
   * Stages {@code times_redeemed + 1} at the version read: if anything changed the coupon since
   * (another redemption above all), the commit fails and the caller re-reads and re-checks, so
   * {@code max_redemptions} is never exceeded. Check the coupon is redeemable first.
   */
  void stageRedemption(Changes changes, Scope scope, Versioned<Coupon> current);

  /** Newest first; {@code created} (may be null) filters. */
  ListPage<Coupon> list(Scope scope, TimeRange created, ListRequest request);
}
