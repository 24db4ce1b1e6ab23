package io.portico.bench;

import io.micronaut.context.ApplicationContext;
import io.portico.bench.cold.PlainSessionsHandler;
import io.portico.functions.SessionsHandler;
import io.portico.local.LocalStack;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start: a fresh JVM per run, from process start to the first response, for the session
 * function ({@code new SessionsHandler()}, as Lambda constructs it) and for the plain-Java baseline
 * making the same DynamoDB calls. Runs alternate (and swap order every run) so both see the same
 * machine. The children get the Lambda artifact's classpath (the functions' classes and runtime
 * jars, as {@code sam build} lays them out) plus a jar holding only the two child mains, the
 * environment template.yaml gives the function, and its JAVA_TOOL_OPTIONS.
 */
final class ColdStart {
  /** One kind of child: which main, on which classpath, with what added to JAVA_TOOL_OPTIONS. */
  record Variant(String label, String main, String classpath, String extraFlags) {}

  record Measured(Variant variant, Stats wall, Stats cpu) {}

  /** Variants by label: function, plain, and when asked versus, function+cds, plain+cds. */
  record Result(List<Measured> measured, List<String> handlerCalls, List<String> plainCalls) {
    Measured get(String label) {
      return measured.stream().filter(m -> m.variant().label().equals(label)).findFirst().orElse(null);
    }
    Measured function() { return get("function"); }
    Measured plain() { return get("plain"); }
    Measured versus() { return get("versus"); }
  }

  /** Wall milliseconds from process start to the response, and the CPU milliseconds the child had used by then. */
  private record Run(double wallMs, double cpuMs) {}

  private ColdStart() {}

  /** The Lambda artifact's classpath ({@code dir} holds classes/ and dependency/), after the jar of child mains. */
  static String classpath(Path coldJar, Path dir) {
    for (Path p : List.of(dir.resolve("classes"), dir.resolve("dependency"), coldJar)) {
      if (!Files.exists(p)) throw new IllegalStateException(p + " is missing: run bin/portico-bench (it builds the artifact first)");
    }
    return String.join(File.pathSeparator, coldJar.toString(), dir.resolve("classes").toString(), dir.resolve("dependency") + File.separator + "*");
  }

  static Result run(Bench.Options o, LocalStack stack, Fixture f, Path root) throws IOException, InterruptedException {
    Path coldJar = root.resolve("bench/target/portico-bench-cold.jar");
    String classpath = classpath(coldJar, root.resolve("functions/target"));
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("function", "io.portico.bench.cold.ColdSession", classpath, null));
    variants.add(new Variant("plain", "io.portico.bench.cold.ColdPlain", classpath, null));
    if (o.versus() != null || o.versusFlags() != null) {
      // A lever's A/B in one run: the function again, on another artifact and/or with other flags.
      String other = o.versus() == null ? classpath : classpath(coldJar, Path.of(o.versus()));
      variants.add(new Variant("versus", "io.portico.bench.cold.ColdSession", other, o.versusFlags()));
    }

    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    // What template.yaml's Globals give every function, pointed at this run's DynamoDB Local.
    stack.template().environment().forEach((k, v) -> env.put(k, String.valueOf(v)));
    env.put("PORTICO_TABLES_BILLING", "BillingTable");
    env.put("PORTICO_TABLES_SESSIONS", "SessionsTable");
    env.put("PORTICO_DYNAMODB_ENDPOINT", stack.dynamoEndpoint());
    env.put("AWS_REGION", "us-east-1");
    if (o.extraJvmFlags() != null) env.merge("JAVA_TOOL_OPTIONS", o.extraJvmFlags(), (a, b) -> a + " " + b);

    if (o.cds()) {
      // The class-data-sharing lever: both children again, with one AppCDS archive of what both load.
      Path dir = root.resolve("bench/target/cds");
      String jars = cdsClasspath(coldJar, root);
      String flag = "-XX:SharedArchiveFile=" + appCdsArchive(o.java(), dir, jars, env, f);
      variants.add(new Variant("function+cds", "io.portico.bench.cold.ColdSession", jars, flag));
      variants.add(new Variant("plain+cds", "io.portico.bench.cold.ColdPlain", jars, flag));
    }

    // The baseline must keep making the handler's calls: compare both sequences on a fresh context.
    List<String> handlerCalls = RoundTrips.record(() -> freshHandlerCall(stack, f));
    List<String> plainCalls = RoundTrips.record(() -> plainCall(stack, f));

    Path log = root.resolve("bench/target/cold-start-children.log");
    Files.deleteIfExists(log);
    String java = o.java();
    System.err.printf("cold start: %d runs of each of %d variants, alternated; JAVA_TOOL_OPTIONS=%s; %s%n", o.coldRuns(), variants.size(),
        env.get("JAVA_TOOL_OPTIONS"), java);
    // One unmeasured run of each: the page cache and DynamoDB Local's own JIT settle.
    for (Variant v : variants) child(java, v, env, f, log);
    List<List<Run>> runs = new ArrayList<>();
    for (int k = 0; k < variants.size(); k++) runs.add(new ArrayList<>());
    for (int i = 0; i < o.coldRuns(); i++) {
      // Rotate who goes first, so no variant always follows the same one.
      for (int j = 0; j < variants.size(); j++) {
        int k = (i + j) % variants.size();
        runs.get(k).add(child(java, variants.get(k), env, f, log));
      }
    }
    List<Measured> measured = new ArrayList<>();
    for (int k = 0; k < variants.size(); k++) {
      measured.add(new Measured(variants.get(k), Stats.of(runs.get(k).stream().map(Run::wallMs).toList()),
          Stats.of(runs.get(k).stream().map(Run::cpuMs).toList())));
    }
    return new Result(measured, handlerCalls, plainCalls);
  }

  /** Milliseconds from starting the process to its {@code DONE 200} line, and its CPU time by then. */
  private static Run child(String java, Variant v, Map<String, String> env, Fixture f, Path log)
      throws IOException, InterruptedException {
    String main = v.main();
    List<String> command = List.of(java, "-cp", v.classpath(), main, f.key(), f.sessionCustomer(), "cold-" + UUID.randomUUID());
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    if (v.extraFlags() != null) pb.environment().merge("JAVA_TOOL_OPTIONS", v.extraFlags(), (a, b) -> a + " " + b);
    long start = System.nanoTime();
    Process p = pb.start();
    String line;
    String cpu;
    long end;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      while ((line = out.readLine()) != null && !line.startsWith("DONE ")) {
        // the function's own output, if any
      }
      end = System.nanoTime();
      cpu = out.readLine();
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
    if (line == null || !line.equals("DONE 200")) {
      throw new IllegalStateException(main + " did not answer 200 (" + line + "); see " + log);
    }
    return new Run((end - start) / 1e6, cpu != null && cpu.startsWith("CPU ") ? Double.parseDouble(cpu.substring(4)) : Double.NaN);
  }

  /**
   * The artifact as jars only (AppCDS archives classes from jars, not directories): the functions'
   * jar in place of their classes directory, the runtime jars listed in a fixed order.
   */
  private static String cdsClasspath(Path coldJar, Path root) throws IOException {
    Path functionsJar;
    try (var s = Files.list(root.resolve("functions/target"))) {
      functionsJar = s.filter(p -> p.getFileName().toString().matches("portico-functions-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("functions jar missing: run bin/portico-bench"));
    }
    List<String> cp = new ArrayList<>(List.of(coldJar.toString(), functionsJar.toString()));
    try (var s = Files.list(root.resolve("functions/target/dependency"))) {
      s.map(Path::toString).filter(n -> n.endsWith(".jar")).sorted().forEach(cp::add);
    }
    return String.join(File.pathSeparator, cp);
  }

  /** Records which classes both children load, dumps them into one static AppCDS archive, and answers its path. */
  private static Path appCdsArchive(String java, Path dir, String classpath, Map<String, String> env, Fixture f)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path archive = dir.resolve("portico.jsa");
    Path merged = dir.resolve("classes.lst");
    java.util.TreeSet<String> classes = new java.util.TreeSet<>();
    for (String main : List.of("io.portico.bench.cold.ColdSession", "io.portico.bench.cold.ColdPlain")) {
      Path list = dir.resolve(main.substring(main.lastIndexOf('.') + 1) + ".lst");
      run(List.of(java, "-Xshare:off", "-XX:DumpLoadedClassList=" + list, "-cp", classpath, main, f.key(), f.sessionCustomer(),
          "cds-" + UUID.randomUUID()), env, dir.resolve("training.log"));
      classes.addAll(Files.readAllLines(list));
    }
    Files.write(merged, classes);
    Files.deleteIfExists(archive);
    run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + merged, "-XX:SharedArchiveFile=" + archive, "-cp", classpath), env,
        dir.resolve("dump.log"));
    if (!Files.exists(archive)) throw new IllegalStateException("no AppCDS archive was written; see " + dir.resolve("dump.log"));
    System.err.printf("cold start: AppCDS archive of %d classes, %.1f MB%n", classes.size(), Files.size(archive) / 1e6);
    return archive;
  }

  private static void run(List<String> command, Map<String, String> env, Path log) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().remove("JAVA_TOOL_OPTIONS"); // the archive records classes, flags do not matter; -Xshare:dump wants none
    if (!pb.start().waitFor(120, TimeUnit.SECONDS)) throw new IllegalStateException("timed out: " + command);
  }

  /** One request on a brand-new application context: what a cold handler sends to DynamoDB. */
  private static void freshHandlerCall(LocalStack stack, Fixture f) {
    Map<String, Object> props = new LinkedHashMap<>();
    stack.template().environment().forEach((k, v) -> props.put(k, v));
    props.remove("JAVA_TOOL_OPTIONS");
    try (ApplicationContext context = ApplicationContext.builder()
        .propertySources(io.micronaut.context.env.PropertySource.of("template.yaml", props,
            io.micronaut.context.env.PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
        .properties(Map.of("portico.dynamodb.endpoint", stack.dynamoEndpoint(), "portico.dynamodb.region", "us-east-1"))
        .start()) {
      int status = new SessionsHandler(context).handleRequest(sessionEvent(f), Events.context("SessionsFunction")).getStatusCode();
      if (status != 200) throw new IllegalStateException("session creation answered " + status);
    }
  }

  private static void plainCall(LocalStack stack, Fixture f) {
    try (DynamoDbClient client = DynamoDbClient.builder()
        .endpointOverride(URI.create(stack.dynamoEndpoint()))
        .region(Region.US_EAST_1)
        .httpClient(ApacheHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build()) {
      int status = new PlainSessionsHandler(client).handleRequest(sessionEvent(f), Events.context("PlainSessions")).getStatusCode();
      if (status != 200) throw new IllegalStateException("plain session creation answered " + status);
    }
  }

  static com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent sessionEvent(Fixture f) {
    return Events.merchant("POST", "/v1/billing_portal/sessions", "/v1/billing_portal/sessions", null, f.key(),
        "customer=" + f.sessionCustomer() + "&return_url=https%3A%2F%2Fexample.com%2Faccount");
  }
}
