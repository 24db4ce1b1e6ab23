package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.CouponService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/coupons} and {@code /v1/coupons/{coupon}}. */
public class CouponsHandler extends MerchantHandler {
  @Inject
  CouponService coupons;

  public CouponsHandler() {}

  public CouponsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "POST /v1/coupons" -> coupons.create(r);
      case "GET /v1/coupons" -> coupons.list(r);
      case "GET /v1/coupons/{coupon}" -> coupons.retrieve(r, r.pathParameter("coupon"));
      case "POST /v1/coupons/{coupon}" -> coupons.update(r, r.pathParameter("coupon"));
      case "DELETE /v1/coupons/{coupon}" -> coupons.delete(r, r.pathParameter("coupon"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
