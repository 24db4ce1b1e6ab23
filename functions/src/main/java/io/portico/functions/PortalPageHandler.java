package io.portico.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.api.ApiResponse;
import io.portico.api.HttpEvent;
import io.portico.config.PorticoSettings;
import io.portico.portal.PortalPageService;
import jakarta.inject.Inject;
import java.util.Map;

/** Lambda: {@code GET /p/session/{token}} (a session link, opened once) and {@code GET /p/portal} (the portal page). */
public class PortalPageHandler extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  @Inject
  PortalPageService pages;
  @Inject
  PorticoSettings settings;

  public PortalPageHandler() {}

  public PortalPageHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public APIGatewayProxyResponseEvent execute(APIGatewayProxyRequestEvent event) {
    Map<String, String> headers = HttpEvent.headers(event);
    Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
    ApiResponse page = "/p/session/{token}".equals(event.getResource())
        ? pages.openLink(path.get("token"), headers.get("cookie"), HttpEvent.baseUrl(event, headers, settings))
        : pages.home(headers.get("cookie"));
    return HttpEvent.response(page.status(), page.contentType(), (String) page.body(), page.headers());
  }
}
