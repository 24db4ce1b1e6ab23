package io.portico.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;
import io.portico.config.LambdaContext;
import io.portico.domain.Account;
import io.portico.service.AccountService;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The whole stack on one machine with no Docker, cloud account or network: DynamoDB Local
 * in-process (in memory, or in a directory with --data-dir), the tables and routes of
 * template.yaml, every function's handler behind one HTTP port, and a demo merchant account.
 *
 * <pre>java -jar local/target/portico-local.jar [--port 4242] [--data-dir DIR] [--demo]</pre>
 */
public final class LocalStack implements AutoCloseable {
  /** The demo account's fixed test key, also used by the sample events in events/. */
  public static final String SAMPLE_TEST_KEY = "sk_test_portico_local_sample_key_do_not_use_in_production";

  /** {@code schedules}: run the template's Schedule events on timers (tests leave it off and drive the billing clock themselves). */
  public record Options(Path root, int port, Path dataDir, boolean demoCustomers, String host, boolean schedules) {}

  private final DynamoDBProxyServer dynamo;
  private final int dynamoPort;
  private final ApplicationContext context;
  /** The functions' configuration (template.yaml's environment, DynamoDB Local, the clock), for any context. */
  private final UnaryOperator<ApplicationContextBuilder> settings;
  private final ApiGatewayEmulator gateway;
  private final DynamoDbClient client;
  private final Template template;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "portico-schedules");
    t.setDaemon(true);
    return t;
  });
  private AccountService.CreatedAccount demo;
  private final DynamoDbStreamsClient streamsClient;
  private final List<StreamFeeder> feeders = new ArrayList<>();

  private LocalStack(Options options, Clock clock) throws Exception {
    template = Template.read(options.root().resolve("template.yaml"));
    dynamoPort = freePort();
    String[] args = options.dataDir() == null
        ? new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(dynamoPort)}
        : new String[] {"-dbPath", options.dataDir().toString(), "-sharedDb", "-port", Integer.toString(dynamoPort)};
    if (options.dataDir() != null) Files.createDirectories(options.dataDir());
    dynamo = ServerRunner.createServerFromCommandLineArgs(args);
    dynamo.start();
    client = DynamoDbClient.builder()
        .endpointOverride(URI.create(dynamoEndpoint()))
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
    createTables();

    // The functions' environment from template.yaml, with the same names Lambda would give them.
    Map<String, Object> env = new HashMap<>(template.environment());
    env.remove("JAVA_TOOL_OPTIONS");
    // Bind the port first: functions without a request to learn the host from (the billing clock) need the public URL.
    gateway = new ApiGatewayEmulator(options.host(), options.port());
    Map<String, Object> local = new LinkedHashMap<>();
    local.put("portico.public-base-url", "http://127.0.0.1:" + gateway.port());
    local.put("portico.dynamodb.endpoint", dynamoEndpoint());
    local.put("portico.dynamodb.region", "us-east-1");
    this.settings = builder -> {
      builder.propertySources(PropertySource.of("template.yaml", env, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE)).properties(local);
      if (clock != null) builder.singletons(clock);
      return builder;
    };
    context = settings.apply(ApplicationContext.builder()).start();

    for (Template.Function f : template.functions()) {
      if (!f.routes().isEmpty()) {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = handler(f.handler(), context);
        for (Template.Route r : f.routes()) gateway.bind(f.logicalId(), r, handler);
      }
      if (options.schedules()) {
        for (Duration every : f.schedules()) schedule(f, every);
      }
    }
    // Stream-triggered functions (webhook delivery), fed from DynamoDB Local's streams as Lambda would be.
    streamsClient = DynamoDbStreamsClient.builder()
        .endpointOverride(URI.create(dynamoEndpoint()))
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
    for (Template.Function f : template.functions()) {
      for (Template.StreamSource source : f.streams()) {
        String arn = client.describeTable(r -> r.tableName(source.table())).table().latestStreamArn();
        StreamFeeder feeder = new StreamFeeder(streamsClient, arn, f, source, streamHandler(f.handler(), context));
        feeder.start();
        feeders.add(feeder);
      }
    }
    gateway.start();
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<DynamodbEvent, StreamsEventResponse> streamHandler(String className, ApplicationContext context)
      throws ReflectiveOperationException {
    return (RequestHandler<DynamodbEvent, StreamsEventResponse>) Class.forName(className).getConstructor(ApplicationContext.class)
        .newInstance(context);
  }

  /**
   * A context as one function has it in Lambda: only its own beans ({@link LambdaContext#ownBeans}),
   * the same configuration as the stack's; the caller closes it. The stack itself shares one context.
   */
  public ApplicationContext functionContext(String handler) throws ClassNotFoundException {
    return settings.apply(LambdaContext.ownBeans(Class.forName(handler))).start();
  }

  public static LocalStack start(Options options, Clock clock) throws Exception {
    return new LocalStack(options, clock);
  }

  /** Invokes a scheduled function the way EventBridge would, every {@code every}. */
  @SuppressWarnings("unchecked")
  private void schedule(Template.Function f, Duration every) throws ReflectiveOperationException {
    RequestHandler<ScheduledEvent, Object> handler = (RequestHandler<ScheduledEvent, Object>) Class.forName(f.handler())
        .getConstructor(ApplicationContext.class).newInstance(context);
    timers.scheduleAtFixedRate(() -> {
      try {
        handler.handleRequest(new ScheduledEvent().withSource("aws.events").withDetailType("Scheduled Event"), new LocalLambdaContext(f.logicalId()));
      } catch (RuntimeException e) {
        e.printStackTrace(); // a failed run is retried at the next tick, as EventBridge would
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @SuppressWarnings("unchecked")
  static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler(String className, ApplicationContext context)
      throws ReflectiveOperationException {
    Class<?> type = Class.forName(className);
    return (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) type.getConstructor(ApplicationContext.class)
        .newInstance(context);
  }

  private void createTables() {
    for (Template.Table t : template.tables()) {
      try {
        client.createTable(t.create());
      } catch (ResourceInUseException alreadyThere) {
        continue; // a persisted --data-dir keeps its tables
      }
      if (t.ttlAttribute() != null) {
        client.updateTimeToLive(r -> r.tableName(t.logicalId())
            .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(t.ttlAttribute()).enabled(true).build()));
      }
    }
  }

  /** Creates a merchant account (business details as a real merchant would fill them in). */
  public AccountService.CreatedAccount createAccount(String businessName) {
    return context.getBean(AccountService.class).create(businessName, "support@" + slug(businessName) + ".example",
        "https://" + slug(businessName) + ".example/terms", "https://" + slug(businessName) + ".example/privacy",
        new Account.Branding(null, null, "#ffffff", "#0f62fe", "system-ui", "rounded"));
  }

  public AccountService.CreatedAccount demoAccount() {
    if (demo == null) {
      demo = createAccount("Demo Merchant");
      context.getBean(AccountService.class).addKey(demo.account().id(), SAMPLE_TEST_KEY);
    }
    return demo;
  }

  /** How often a scheduled function of the template runs, for people ("5 min"). */
  String schedule(String function) {
    return template.functions().stream().filter(f -> f.logicalId().equals(function)).flatMap(f -> f.schedules().stream())
        .map(d -> d.toMinutes() + " min").findFirst().orElse("(not scheduled)");
  }

  public String baseUrl() {
    return "http://" + hostForUrls() + ":" + gateway.port();
  }

  private String hostForUrls() {
    return "127.0.0.1";
  }

  public String dynamoEndpoint() {
    return "http://127.0.0.1:" + dynamoPort;
  }

  public DynamoDbClient dynamo() { return client; }

  /**
   * Stops feeding the stream-triggered functions (webhook delivery). For the benchmark: in Lambda they
   * run apart from the function being measured, here they would share its JVM and DynamoDB Local.
   */
  public void stopStreams() {
    feeders.forEach(StreamFeeder::close);
  }

  public ApplicationContext context() { return context; }

  public Template template() { return template; }

  @Override
  public void close() {
    feeders.forEach(StreamFeeder::close);
    timers.shutdownNow();
    gateway.stop();
    context.close();
    client.close();
    streamsClient.close();
    try {
      dynamo.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String slug(String name) {
    return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The directory holding template.yaml: the working directory or one of its parents. */
  public static Path findRoot() {
    String configured = System.getProperty("portico.root");
    if (configured != null) return Paths.get(configured).toAbsolutePath().normalize();
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("template.yaml"))) return p;
    }
    throw new IllegalStateException("template.yaml not found in the working directory or its parents");
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "4242"));
    Path dataDir = System.getenv("PORTICO_DATA_DIR") == null ? null : Paths.get(System.getenv("PORTICO_DATA_DIR"));
    boolean demoCustomers = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--data-dir" -> dataDir = Paths.get(args[++i]);
        case "--demo" -> demoCustomers = true;
        case "--help", "-h" -> {
          System.out.println("usage: portico-local [--port N (or PORT)] [--data-dir DIR (or PORTICO_DATA_DIR)] [--demo]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
      }
    }
    // Every webhook attempt on the console, like a delivery log (Lambda keeps these at debug level).
    System.setProperty("org.slf4j.simpleLogger.log.io.portico.service.WebhookDispatcher", "debug");
    LocalStack stack = start(new Options(findRoot(), port, dataDir, demoCustomers, "127.0.0.1", true), null);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    DemoData.Seeded seeded = DemoData.seed(stack, demoCustomers);
    System.out.println();
    System.out.println("Portico local stack is running.");
    System.out.println("  Merchant API and hosted portal  " + stack.baseUrl());
    System.out.println("  DynamoDB Local                  " + stack.dynamoEndpoint() + (dataDir == null ? " (in memory)" : " (data in " + dataDir + ")"));
    System.out.println("  Demo account                    " + seeded.accountId() + " (" + seeded.businessName() + ")");
    System.out.println("  Test secret key                 " + seeded.testSecretKey());
    if (!seeded.customerIds().isEmpty()) System.out.println("  Demo customers                  " + String.join(", ", seeded.customerIds()));
    System.out.println();
    System.out.println("  Billing clock                   every " + stack.schedule("BillingClockFunction") + " (renewals, trial ends, scheduled cancellations)");
    System.out.println("  Webhook deliveries              posted from this process to your endpoints' URLs (POST /v1/webhook_endpoints):");
    System.out.println("                                  new events from DynamoDB Local's stream at once, failed ones retried every "
        + stack.schedule("WebhookRetryFunction") + "; each attempt is logged below");
    System.out.println();
    System.out.println("Try:  curl " + stack.baseUrl() + "/v1/customers -u " + seeded.testSecretKey() + ":");
    System.out.println("Stop with Ctrl-C.");
    Thread.currentThread().join();
  }
}
