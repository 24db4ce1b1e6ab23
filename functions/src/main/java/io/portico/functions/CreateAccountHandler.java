package io.portico.functions;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.config.LambdaContext;
import io.portico.domain.Account;
import io.portico.error.ApiError;
import io.portico.service.AccountService;
import io.portico.service.Checks;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda with no API route: creates a merchant account and returns its secret keys, once (only
 * their hashes are stored). The operator runs it from their own AWS credentials:
 * {@code sam remote invoke CreateAccountFunction --event '{"business_name":"Acme"}'}.
 */
public class CreateAccountHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {
  @Inject
  AccountService accounts;

  public CreateAccountHandler() {}

  public CreateAccountHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons as this function needs them, not every one of the artifact (see {@link LambdaContext}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContext.forLambda(getClass());
  }

  @Override
  public Map<String, Object> execute(Map<String, Object> input) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      String name = text(input, "business_name");
      if (name == null || name.isBlank()) throw ApiError.missing("business_name");
      String afterFailedPayments = text(input, "failed_payment_behavior");
      if (afterFailedPayments == null) afterFailedPayments = "cancel";
      if (!Account.FAILED_PAYMENT_BEHAVIORS.contains(afterFailedPayments)) {
        throw ApiError.invalid("failed_payment_behavior", "failed_payment_behavior must be cancel or mark_unpaid.");
      }
      AccountService.CreatedAccount created = accounts.create(name, text(input, "support_email"),
          Checks.url("terms_of_service_url", text(input, "terms_of_service_url")),
          Checks.url("privacy_policy_url", text(input, "privacy_policy_url")),
          new Account.Branding(null, null, null, null, null, null), afterFailedPayments);
      out.put("account", created.account().id());
      out.put("business_name", name);
      out.put("test_secret_key", created.testSecretKey());
      out.put("live_secret_key", created.liveSecretKey());
      out.put("note", "Store these keys now: only their hashes are kept.");
    } catch (ApiError e) {
      out.put("error", Map.of("param", String.valueOf(e.param()), "message", e.getMessage()));
    }
    return out;
  }

  private static String text(Map<String, Object> input, String key) {
    Object v = input == null ? null : input.get(key);
    return v == null ? null : v.toString();
  }
}
