package io.portico.local;

import io.portico.domain.Account;
import io.portico.service.SecretKeys;
import io.portico.store.AccountRepository;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo merchant of the local stack, with the fixed test key the sample events use (so it
 * survives restarts with --data-dir), and with --demo a few customers created through the API.
 */
final class DemoData {
  record Seeded(String accountId, String businessName, String testSecretKey, List<String> customerIds) {}

  private static final String[][] CUSTOMERS = {
      {"Ada Lovelace", "ada@example.com", "GB"},
      {"Grace Hopper", "grace@example.com", "US"},
      {"Hedy Lamarr", "hedy@example.com", "AT"},
  };
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(cus_[A-Za-z0-9]+)\"");

  private DemoData() {}

  static Seeded seed(LocalStack stack, boolean customers) throws IOException, InterruptedException {
    AccountRepository accounts = stack.context().getBean(AccountRepository.class);
    AccountRepository.ApiKey existing = accounts.findKey(SecretKeys.sha256(LocalStack.SAMPLE_TEST_KEY));
    Account account = existing != null ? accounts.find(existing.accountId()) : stack.demoAccount().account();
    List<String> ids = new ArrayList<>();
    if (customers) {
      HttpClient http = HttpClient.newHttpClient();
      for (String[] c : CUSTOMERS) {
        String found = firstId(http.send(request(stack, "/v1/customers?limit=1&email=" + enc(c[1])).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body());
        if (found == null) {
          String form = "name=" + enc(c[0]) + "&email=" + enc(c[1]) + "&address[country]=" + c[2] + "&metadata[source]=demo";
          found = firstId(http.send(request(stack, "/v1/customers").header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        ids.add(found);
      }
    }
    return new Seeded(account.id(), account.businessName(), LocalStack.SAMPLE_TEST_KEY, ids);
  }

  private static HttpRequest.Builder request(LocalStack stack, String path) {
    return HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)).header("Authorization", "Bearer " + LocalStack.SAMPLE_TEST_KEY);
  }

  private static String firstId(String json) {
    Matcher m = ID.matcher(json);
    return m.find() ? m.group(1) : null;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
