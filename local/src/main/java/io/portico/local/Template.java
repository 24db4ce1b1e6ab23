package io.portico.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * What the local stack needs from {@code template.yaml}: the functions with their handler classes
 * and API routes, the DynamoDB tables, and the environment the functions get. Reading it (rather
 * than repeating it) keeps local and deployed from drifting apart.
 *
 * <p>CloudFormation's short tags ({@code !Ref X}, {@code !GetAtt}, {@code !Sub}) reach us as their
 * plain scalar; {@code !Ref} of a parameter resolves to the parameter's default, of a resource to
 * its logical id, which is also the local table's name.
 */
public final class Template {
  public record Route(String method, String path) {}

  /** {@code schedules}: the periods of the function's Schedule events ({@code rate(5 minutes)}); {@code streams}: its DynamoDB events. */
  public record Function(String logicalId, String handler, List<Route> routes, List<java.time.Duration> schedules, List<StreamSource> streams) {
    public Function(String logicalId, String handler, List<Route> routes, List<java.time.Duration> schedules) {
      this(logicalId, handler, routes, schedules, List.of());
    }
  }

  /**
   * A DynamoDB stream event source: the table ({@code !GetAtt Table.StreamArn}), where to start,
   * the batch size, and the FilterCriteria patterns (parsed JSON; a record passes if any matches).
   */
  public record StreamSource(String table, String startingPosition, int batchSize, List<JsonNode> filters, boolean reportBatchItemFailures) {}

  public record Table(String logicalId, CreateTableRequest create, String ttlAttribute) {}

  private final JsonNode root;

  private Template(JsonNode root) {
    this.root = root;
  }

  public static Template read(Path file) {
    try {
      return new Template(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public List<Function> functions() {
    List<Function> out = new ArrayList<>();
    root.path("Resources").fields().forEachRemaining(r -> {
      JsonNode res = r.getValue();
      if (!"AWS::Serverless::Function".equals(res.path("Type").asText())) return;
      List<Route> routes = new ArrayList<>();
      List<java.time.Duration> schedules = new ArrayList<>();
      List<StreamSource> streams = new ArrayList<>();
      res.path("Properties").path("Events").forEach(ev -> {
        if ("DynamoDB".equals(ev.path("Type").asText())) streams.add(stream(ev.path("Properties")));
        if ("Api".equals(ev.path("Type").asText())) {
          routes.add(new Route(ev.path("Properties").path("Method").asText().toUpperCase(), ev.path("Properties").path("Path").asText()));
        } else if ("Schedule".equals(ev.path("Type").asText())) {
          schedules.add(rate(ev.path("Properties").path("Schedule").asText()));
        }
      });
      out.add(new Function(r.getKey(), res.path("Properties").path("Handler").asText(), routes, schedules, streams));
    });
    return out;
  }

  public List<Table> tables() {
    List<Table> out = new ArrayList<>();
    root.path("Resources").fields().forEachRemaining(r -> {
      JsonNode res = r.getValue();
      if (!"AWS::DynamoDB::Table".equals(res.path("Type").asText())) return;
      JsonNode p = res.path("Properties");
      CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(r.getKey()).billingMode(BillingMode.PAY_PER_REQUEST);
      List<AttributeDefinition> attributes = new ArrayList<>();
      p.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
          .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText()).build()));
      b.attributeDefinitions(attributes).keySchema(keys(p.path("KeySchema")));
      List<GlobalSecondaryIndex> indexes = new ArrayList<>();
      p.path("GlobalSecondaryIndexes").forEach(g -> indexes.add(GlobalSecondaryIndex.builder()
          .indexName(g.path("IndexName").asText())
          .keySchema(keys(g.path("KeySchema")))
          .projection(projection(g.path("Projection")))
          .build()));
      if (!indexes.isEmpty()) b.globalSecondaryIndexes(indexes);
      JsonNode stream = p.path("StreamSpecification");
      if (!stream.isMissingNode()) {
        b.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(stream.path("StreamViewType").asText()).build());
      }
      JsonNode ttl = p.path("TimeToLiveSpecification");
      String ttlAttribute = ttl.path("Enabled").asBoolean(false) ? ttl.path("AttributeName").asText() : null;
      out.add(new Table(r.getKey(), b.build(), ttlAttribute));
    });
    return out;
  }

  /** The environment every function gets (Globals), with references resolved for the local stack. */
  public Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    root.path("Globals").path("Function").path("Environment").path("Variables").fields().forEachRemaining(v -> {
      String value = v.getValue().asText();
      JsonNode parameter = root.path("Parameters").path(value);
      env.put(v.getKey(), parameter.isMissingNode() ? value : parameter.path("Default").asText(""));
    });
    return env;
  }

  private static StreamSource stream(JsonNode p) {
    String arn = p.path("Stream").asText(); // !GetAtt BillingTable.StreamArn reaches us as "BillingTable.StreamArn"
    List<JsonNode> filters = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    p.path("FilterCriteria").path("Filters").forEach(f -> {
      try {
        filters.add(json.readTree(f.path("Pattern").asText()));
      } catch (IOException e) {
        throw new IllegalStateException("bad FilterCriteria pattern " + f.path("Pattern").asText(), e);
      }
    });
    boolean reports = false;
    for (JsonNode t : p.path("FunctionResponseTypes")) reports |= "ReportBatchItemFailures".equals(t.asText());
    return new StreamSource(arn.contains(".") ? arn.substring(0, arn.indexOf('.')) : arn, p.path("StartingPosition").asText("TRIM_HORIZON"),
        p.path("BatchSize").asInt(100), filters, reports);
  }

  /** EventBridge's {@code rate(N unit)}; cron expressions are not run locally. */
  static java.time.Duration rate(String expression) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)").matcher(expression.trim());
    if (!m.matches()) throw new IllegalStateException("the local stack runs rate(N minutes|hours|days) schedules only, not " + expression);
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).replaceAll("s$", "")) {
      case "minute" -> java.time.Duration.ofMinutes(n);
      case "hour" -> java.time.Duration.ofHours(n);
      default -> java.time.Duration.ofDays(n);
    };
  }

  private static Projection projection(JsonNode p) {
    Projection.Builder b = Projection.builder().projectionType(p.path("ProjectionType").asText("ALL"));
    List<String> include = new ArrayList<>();
    p.path("NonKeyAttributes").forEach(a -> include.add(a.asText()));
    if (!include.isEmpty()) b.nonKeyAttributes(include);
    return b.build();
  }

  private static List<KeySchemaElement> keys(JsonNode schema) {
    List<KeySchemaElement> out = new ArrayList<>();
    schema.forEach(k -> out.add(KeySchemaElement.builder().attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build()));
    return out;
  }
}
