package io.portico.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small API Gateway (REST, proxy integration) on loopback: matches a request against the routes
 * declared in template.yaml (literal routes before parameterised ones, the greedy {@code {proxy+}}
 * last, as API Gateway does), turns it into the same proxy event Lambda would receive and invokes
 * the function's handler.
 */
final class ApiGatewayEmulator {
  /** API Gateway's own payload limit. */
  private static final int MAX_PAYLOAD = 10 * 1024 * 1024;

  record Binding(String functionName, Template.Route route, Pattern pattern, List<String> names, boolean greedy,
      RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {}

  private final List<Binding> bindings = new ArrayList<>();
  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(32);

  ApiGatewayEmulator(String host, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 128);
    server.createContext("/", this::serve);
    server.setExecutor(workers);
  }

  void bind(String functionName, Template.Route route, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    boolean greedy = false;
    for (String segment : route.path().split("/")) {
      if (segment.isEmpty()) continue;
      regex.append('/');
      if (segment.startsWith("{") && segment.endsWith("+}")) {
        names.add(segment.substring(1, segment.length() - 2));
        regex.append("(.+)");
        greedy = true;
      } else if (segment.startsWith("{")) {
        names.add(segment.substring(1, segment.length() - 1));
        regex.append("([^/]+)");
      } else {
        regex.append(Pattern.quote(segment));
      }
    }
    regex.append("/?$");
    bindings.add(new Binding(functionName, route, Pattern.compile(regex.toString()), names, greedy, handler));
    // Among equals, the longer path is the more specific (/p/api/{proxy+} before /{proxy+}).
    bindings.sort(Comparator.comparing((Binding b) -> b.greedy()).thenComparing(b -> b.names().size())
        .thenComparing(b -> -b.route().path().length()));
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void serve(HttpExchange x) throws IOException {
    try (x) {
      String method = x.getRequestMethod().toUpperCase();
      String path = x.getRequestURI().getRawPath();
      byte[] body = readBody(x.getRequestBody());
      if (body == null) {
        send(x, 413, Map.of("Content-Type", "application/json"),
            "{\"error\":{\"message\":\"Request payload too large.\",\"type\":\"invalid_request_error\"}}");
        return;
      }
      for (Binding b : bindings) {
        Matcher m = b.pattern().matcher(path);
        if (!m.matches() || !(b.route().method().equals("ANY") || b.route().method().equals(method))) continue;
        Map<String, String> pathParameters = new LinkedHashMap<>();
        for (int i = 0; i < b.names().size(); i++) pathParameters.put(b.names().get(i), decode(m.group(i + 1)));
        APIGatewayProxyResponseEvent response = b.handler().handleRequest(event(x, method, path, b, pathParameters, body),
            new LocalLambdaContext(b.functionName()));
        byte[] bytes = response.getBody() == null ? new byte[0]
            : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? java.util.Base64.getDecoder().decode(response.getBody())
            : response.getBody().getBytes(StandardCharsets.UTF_8);
        send(x, response.getStatusCode(), response.getHeaders(), bytes);
        return;
      }
      // No route at all (the template's greedy route normally catches everything): API Gateway's default.
      send(x, 404, Map.of("Content-Type", "application/json"),
          "{\"error\":{\"message\":\"Unrecognized request URL. Please see the API reference for the supported routes.\",\"type\":\"invalid_request_error\"}}");
    } catch (RuntimeException e) {
      e.printStackTrace();
      send(x, 502, Map.of("Content-Type", "application/json"), "{\"message\": \"Internal server error\"}");
    }
  }

  private static APIGatewayProxyRequestEvent event(HttpExchange x, String method, String path, Binding b, Map<String, String> pathParameters,
      byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
    x.getRequestHeaders().forEach((k, v) -> {
      headers.put(k, v.get(v.size() - 1));
      multiHeaders.put(k, v);
    });
    headers.putIfAbsent("X-Forwarded-Proto", "http");
    Map<String, String> query = new LinkedHashMap<>();
    Map<String, List<String>> multiQuery = new LinkedHashMap<>();
    String raw = x.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String k = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
        query.put(k, v);
        multiQuery.computeIfAbsent(k, key -> new ArrayList<>()).add(v);
      }
    }
    APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
        .withStage("api").withHttpMethod(method).withPath("/api" + path).withResourcePath(b.route().path())
        .withRequestId(java.util.UUID.randomUUID().toString());
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withPath(path)
        .withResource(b.route().path())
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withHeaders(headers)
        .withMultiValueHeaders(multiHeaders)
        .withQueryStringParameters(query.isEmpty() ? null : query)
        .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
        .withBody(body.length == 0 ? null : new String(body, StandardCharsets.UTF_8))
        .withIsBase64Encoded(false)
        .withRequestContext(context);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_PAYLOAD + 1);
    return bytes.length > MAX_PAYLOAD ? null : bytes;
  }

  /** In a path '+' is itself; in a query string it is a space. */
  private static String decode(String pathSegment) {
    return URLDecoder.decode(pathSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String decodeQuery(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange x, int status, Map<String, String> headers, String body) throws IOException {
    send(x, status, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  /** template.yaml's {@code MinimumCompressionSize}: API Gateway gzips larger answers for clients that accept it. */
  static final int MINIMUM_COMPRESSION_SIZE = 1024;

  private static void send(HttpExchange x, int status, Map<String, String> headers, byte[] bytes) throws IOException {
    if (headers != null) headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
    String accepted = x.getRequestHeaders().getFirst("Accept-Encoding");
    if (bytes.length >= MINIMUM_COMPRESSION_SIZE && accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip")
        && !x.getResponseHeaders().containsKey("Content-Encoding")) {
      java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream(bytes.length / 3);
      try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
        gzip.write(bytes);
      }
      bytes = zipped.toByteArray();
      x.getResponseHeaders().set("Content-Encoding", "gzip");
      x.getResponseHeaders().add("Vary", "Accept-Encoding");
    }
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
