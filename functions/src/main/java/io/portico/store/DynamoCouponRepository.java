package io.portico.store;

import io.portico.domain.Coupon;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;

@Singleton
public class DynamoCouponRepository extends DynamoObjects<Coupon> implements CouponRepository {
  public DynamoCouponRepository(BillingTable table) {
    super(table, Coupon.OBJECT, Coupon.class);
  }

  @Override
  protected String id(Coupon c) {
    return c.id();
  }

  @Override
  public void stageRedemption(Changes changes, Scope scope, Versioned<Coupon> current) {
    if (current.deleted() || current.value().fullyRedeemed()) {
      throw new IllegalStateException("coupon " + current.value().id() + " cannot be redeemed; check it first");
    }
    // No event: Stripe sends none when a discount starts using a coupon.
    Coupon redeemed = current.value().redeemedOnceMore();
    changes.add(Write.replace(item(scope, redeemed, current.createdMs(), current.version() + 1), current.version()));
  }

  @Override
  public ListPage<Coupon> list(Scope scope, TimeRange created, ListRequest request) {
    // An account has few coupons: filtering its list partition by date reads little.
    return listAll(scope, request, new DataFilter().within("created", created).build());
  }
}
