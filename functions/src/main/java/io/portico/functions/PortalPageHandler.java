package io.portico.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.api.ApiResponse;
import io.portico.api.HttpEvent;
import io.portico.config.LambdaContext;
import io.portico.config.PorticoSettings;
import io.portico.config.Priming;
import io.portico.portal.PortalPageService;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Lambda: {@code GET /p/session/{token}} (a session link, opened once), {@code GET /p/portal} (the
 * portal page) and {@code GET /p/assets/{file}} (its script and style sheet).
 */
public class PortalPageHandler extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  @Inject
  PortalPageService pages;
  @Inject
  PorticoSettings settings;

  private Priming priming;

  /** Lambda's constructor: with SnapStart, opening an unknown link primes the function before the snapshot ({@link Priming}). */
  public PortalPageHandler() {
    priming = Priming.register(() -> handleRequest(Priming.request("GET", "/p/session/{token}", "/p/session/priming",
        Map.of("token", "priming")), null));
  }

  public PortalPageHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons as this function needs them, not every one of the artifact (see {@link LambdaContext}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContext.forLambda(getClass());
  }

  @Override
  public APIGatewayProxyResponseEvent execute(APIGatewayProxyRequestEvent event) {
    Map<String, String> headers = HttpEvent.headers(event);
    Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
    String base = HttpEvent.baseUrl(event, headers, settings);
    ApiResponse page = switch (event.getResource()) {
      case "/p/session/{token}" -> pages.openLink(path.get("token"), headers.get("cookie"), headers.get("accept-language"), base);
      case "/p/assets/{file}" -> pages.asset(path.get("file"), first(HttpEvent.query(event).get("v")), headers.get("if-none-match"));
      default -> pages.home(headers.get("cookie"), headers.get("accept-language"), base);
    };
    return HttpEvent.response(page.status(), page.contentType(), (String) page.body(), page.headers());
  }

  private static String first(java.util.List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
