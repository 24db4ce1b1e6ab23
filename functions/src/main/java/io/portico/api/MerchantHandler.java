package io.portico.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.config.LambdaContext;

/**
 * A Lambda function serving merchant API routes. Subclasses only route: decode is done by
 * {@link MerchantApi}, the work by one service, the encoding by {@link MerchantApi} again.
 */
public abstract class MerchantHandler extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private MerchantApi api;

  protected MerchantHandler() {
    super();
  }

  protected MerchantHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons as this function needs them, not every one of the artifact (see {@link LambdaContext}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContext.builder();
  }

  /** Serves one request whose route ({@code "METHOD /path/{param}"}) this function owns. */
  protected abstract ApiResponse route(ApiRequest request);

  @Override
  public APIGatewayProxyResponseEvent execute(APIGatewayProxyRequestEvent event) {
    if (api == null) api = getApplicationContext().getBean(MerchantApi.class);
    return api.serve(event, this::route);
  }
}
