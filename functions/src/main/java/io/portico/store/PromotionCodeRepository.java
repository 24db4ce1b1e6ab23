package io.portico.store;

import io.portico.domain.Event;
import io.portico.domain.PromotionCode;
import io.portico.domain.Scope;

/**
 * Promotion codes. A code is unique per account and mode among active promotion codes, whatever
 * its case: staging an active code claims it (the commit fails if another active code holds it),
 * deactivating releases it.
 */
public interface PromotionCodeRepository {
  Versioned<PromotionCode> find(Scope scope, String id);

  /** The active promotion code holding {@code code} (any case) in this account, or null. */
  Versioned<PromotionCode> findActiveByCode(Scope scope, String code);

  /** Throws {@link ConcurrentUpdateException} when an active promotion code already holds the code. */
  void insert(Scope scope, PromotionCode promotionCode, long createdMs, Event event);

  /** Throws {@link ConcurrentUpdateException} if it changed meanwhile, or when reactivating a code another active one holds. */
  void replace(Scope scope, Versioned<PromotionCode> previous, PromotionCode promotionCode, Event event);

  /** Stages {@code times_redeemed + 1} at the version read (see {@link CouponRepository#stageRedemption}). */
  void stageRedemption(Changes changes, Scope scope, Versioned<PromotionCode> current);

  /** Newest first; {@code code} (any case) reads only that code's promotion codes, the rest (each may be null) filter. */
  ListPage<PromotionCode> list(Scope scope, String code, Boolean active, String coupon, String customer, TimeRange created,
      ListRequest request);
}
