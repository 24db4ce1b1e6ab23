package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.PromotionCodeService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/promotion_codes} and {@code /v1/promotion_codes/{promotion_code}}. */
public class PromotionCodesHandler extends MerchantHandler {
  @Inject
  PromotionCodeService promotionCodes;

  public PromotionCodesHandler() {}

  public PromotionCodesHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "POST /v1/promotion_codes" -> promotionCodes.create(r);
      case "GET /v1/promotion_codes" -> promotionCodes.list(r);
      case "GET /v1/promotion_codes/{promotion_code}" -> promotionCodes.retrieve(r, r.pathParameter("promotion_code"));
      case "POST /v1/promotion_codes/{promotion_code}" -> promotionCodes.update(r, r.pathParameter("promotion_code"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
