package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.TestClockService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/test_helpers/test_clocks} and its advance action. */
public class TestClocksHandler extends MerchantHandler {
  @Inject
  TestClockService clocks;

  public TestClocksHandler() {}

  public TestClocksHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "POST /v1/test_helpers/test_clocks" -> clocks.create(r);
      case "GET /v1/test_helpers/test_clocks" -> clocks.list(r);
      case "GET /v1/test_helpers/test_clocks/{test_clock}" -> clocks.retrieve(r, r.pathParameter("test_clock"));
      case "DELETE /v1/test_helpers/test_clocks/{test_clock}" -> clocks.delete(r, r.pathParameter("test_clock"));
      case "POST /v1/test_helpers/test_clocks/{test_clock}/advance" -> clocks.advance(r, r.pathParameter("test_clock"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
