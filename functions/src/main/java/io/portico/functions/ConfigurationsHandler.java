package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.portico.api.ApiRequest;
import io.portico.api.ApiResponse;
import io.portico.api.MerchantHandler;
import io.portico.error.ApiError;
import io.portico.service.ConfigurationService;
import jakarta.inject.Inject;

/** Lambda: {@code /v1/billing_portal/configurations} and {@code /v1/billing_portal/configurations/{configuration}}. */
public class ConfigurationsHandler extends MerchantHandler {
  @Inject
  ConfigurationService configurations;

  public ConfigurationsHandler() {}

  public ConfigurationsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  protected ApiResponse route(ApiRequest r) {
    return switch (r.route()) {
      case "POST /v1/billing_portal/configurations" -> configurations.create(r);
      case "GET /v1/billing_portal/configurations" -> configurations.list(r);
      case "GET /v1/billing_portal/configurations/{configuration}" -> configurations.retrieve(r, r.pathParameter("configuration"));
      case "POST /v1/billing_portal/configurations/{configuration}" -> configurations.update(r, r.pathParameter("configuration"));
      default -> throw ApiError.unrecognizedUrl(r.method(), r.path());
    };
  }
}
