package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.ProductService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/products} and {@code /v1/products/{product}}. */
public class ProductsHandler extends MerchantHandler {
  @Inject
  ProductService products;

  public ProductsHandler() {}

  public ProductsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "POST /v1/products" -> products.create(r);
      case "GET /v1/products" -> products.list(r);
      case "GET /v1/products/{product}" -> products.retrieve(r, r.pathParameter("product"));
      case "POST /v1/products/{product}" -> products.update(r, r.pathParameter("product"));
      case "DELETE /v1/products/{product}" -> products.delete(r, r.pathParameter("product"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
