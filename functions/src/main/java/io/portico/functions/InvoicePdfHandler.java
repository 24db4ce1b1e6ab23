package io.portico.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.api.HttpEvent;
import io.portico.config.LambdaContext;
import io.portico.service.InvoicePdfService;
import jakarta.inject.Inject;
import java.util.Map;

/** Lambda: {@code GET /p/invoice_pdf/{token}}, an invoice's PDF (its {@code invoice_pdf} link). */
public class InvoicePdfHandler extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  @Inject
  InvoicePdfService pdfs;

  public InvoicePdfHandler() {}

  public InvoicePdfHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons as this function needs them, not every one of the artifact (see {@link LambdaContext}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContext.forLambda(getClass());
  }

  @Override
  public APIGatewayProxyResponseEvent execute(APIGatewayProxyRequestEvent event) {
    Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
    InvoicePdfService.Pdf pdf = pdfs.render(path.get("token"));
    Map<String, String> headers = Map.of("X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "Cache-Control", "private, max-age=300");
    if (pdf == null) return HttpEvent.response(404, "text/plain; charset=utf-8", "No invoice at this link.", headers);
    return HttpEvent.binary(200, "application/pdf", pdf.bytes(),
        Map.of("Content-Disposition", "inline; filename=\"" + pdf.filename() + "\"", "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer", "Cache-Control", "private, max-age=300"));
  }
}
