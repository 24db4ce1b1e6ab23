package io.portico.bench;

import io.portico.bench.Report.Row;
import io.portico.local.LocalStack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code bin/portico-bench}: cold start, warm latency, throughput and sizes, each figure beside a
 * baseline measured in the same run, printed as one table. See docs/performance.md.
 */
public final class Bench {
  /** What to run and how long; {@code --quick} is for trying the bench itself, not for figures. */
  public record Options(int coldRuns, int warmCalls, int warmupCalls, double warmupSeconds, double measureSeconds, Set<String> only,
      String java, String extraJvmFlags, boolean mock, List<Integer> clients, String versus, String versusFlags, boolean hold,
      boolean cds) {

    static Options parse(String[] args) {
      int coldRuns = 10;
      int warmCalls = 300;
      int warmupCalls = 150;
      double warmupSeconds = 2;
      double measureSeconds = 6;
      Set<String> only = Set.of("size", "cold", "warm", "throughput");
      String java = ProcessHandle.current().info().command().orElse("java");
      String extra = null;
      boolean mock = true;
      String versus = null;
      String versusFlags = null;
      boolean hold = false;
      boolean cds = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> {
            coldRuns = 3;
            warmCalls = 60;
            warmupCalls = 30;
            warmupSeconds = 1;
            measureSeconds = 2;
          }
          case "--cold-runs" -> coldRuns = Integer.parseInt(args[++i]);
          case "--warm-calls" -> warmCalls = Integer.parseInt(args[++i]);
          case "--warmup-calls" -> warmupCalls = Integer.parseInt(args[++i]);
          case "--seconds" -> measureSeconds = Double.parseDouble(args[++i]);
          case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(args[++i]);
          case "--only" -> only = Arrays.stream(args[++i].split(",")).map(String::trim).collect(Collectors.toSet());
          case "--java" -> java = args[++i];
          case "--jvm-flags" -> extra = args[++i];
          case "--no-mock" -> mock = false;
          case "--versus" -> versus = args[++i];
          case "--versus-flags" -> versusFlags = args[++i];
          case "--hold" -> hold = true;
          case "--cds" -> cds = true;
          case "--help", "-h" -> {
            System.out.println("""
                usage: bin/portico-bench [--quick] [--only size,cold,warm,throughput] [--cold-runs N] [--warm-calls N]
                                         [--warmup-calls N] [--seconds S] [--warmup-seconds S] [--java PATH]
                                         [--jvm-flags "FLAGS" (added to the cold starts' JAVA_TOOL_OPTIONS)] [--no-mock]
                                         [--versus DIR (another artifact: DIR/classes, DIR/dependency)] [--versus-flags "FLAGS"]
                --versus/--versus-flags add a third cold-start variant, the function on that artifact or with those
                flags, alternated with the others in the same run: a lever's A/B on a noisy machine.
                --cds adds both cold starts again with one AppCDS archive of the classes both load (the class-data
                sharing lever; not deployed, see docs/performance.md).
                --hold sets up DynamoDB Local and the bench merchant, prints how to run a cold start by hand, and waits.""");
            System.exit(0);
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
        }
      }
      return new Options(coldRuns, warmCalls, warmupCalls, warmupSeconds, measureSeconds, only, java, extra, mock, List.of(1, 4, 16), versus, versusFlags, hold, cds);
    }

    boolean runs(String section) {
      return only.contains(section);
    }
  }

  private Bench() {}

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1); // DynamoDB Local's and the local stack's threads would keep the JVM up
    }
  }

  private static void run(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path root = LocalStack.findRoot();
    Report report = new Report();
    long started = System.nanoTime();

    try (LocalStack stack = LocalStack.start(new LocalStack.Options(root, 0, null, false, "127.0.0.1", false), null)) {
      System.err.println("bench: local stack in this JVM at " + stack.baseUrl() + ", DynamoDB Local at " + stack.dynamoEndpoint());
      // Webhook delivery is another Lambda function in production; here it would share this JVM with what is measured.
      stack.stopStreams();
      Fixture f = Fixture.create(stack, 20);
      if (o.hold()) {
        System.out.println("PORTICO_DYNAMODB_ENDPOINT=" + stack.dynamoEndpoint() + " PORTICO_TABLES_BILLING=BillingTable"
            + " PORTICO_TABLES_SESSIONS=SessionsTable AWS_REGION=us-east-1 java -cp " + ColdStart.classpath(root.resolve("bench/target/portico-bench-cold.jar"),
            root.resolve("functions/target")) + " io.portico.bench.cold.ColdSession " + f.key() + " " + f.sessionCustomer() + " <idempotency key>");
        System.out.println("Holding; stop with Ctrl-C.");
        Thread.currentThread().join();
      }

      if (o.runs("cold")) {
        ColdStart.Result c = ColdStart.run(o, stack, f, root);
        report.section("Cold start: fresh JVM → first response (POST /v1/billing_portal/sessions); baseline: plain-Java handler, same DynamoDB calls");
        ColdStart.Measured fn = c.function();
        ColdStart.Measured plain = c.plain();
        double ratio = fn.wall().median() / plain.wall().median();
        String trips = c.handlerCalls().size() + (c.handlerCalls().equals(c.plainCalls()) ? " (same calls)" : " (plain: " + c.plainCalls().size() + "!)");
        report.add(new Row("SessionsHandler, new SessionsHandler() (n=" + fn.wall().n() + ")", Report.ms(fn.wall().median()),
            Report.ms(fn.wall().p99()), Report.ms(plain.wall().median()), Report.ms(plain.wall().p99()), Report.ratio(ratio), trips,
            "≤ 1.30×", Report.verdict(ratio <= 1.3)));
        report.add(new Row("  the same runs, CPU time used by then (user + system)", Report.ms(fn.cpu().median()),
            Report.ms(fn.cpu().p99()), Report.ms(plain.cpu().median()), Report.ms(plain.cpu().p99()),
            Report.ratio(fn.cpu().median() / plain.cpu().median()), "", "", ""));
        ColdStart.Measured vs = c.versus();
        if (vs != null) {
          String label = "versus: " + (o.versus() != null ? "artifact " + o.versus() : "") + (o.versusFlags() != null ? " flags " + o.versusFlags() : "");
          report.add(new Row(label.trim(), Report.ms(vs.wall().median()), Report.ms(vs.wall().p99()), Report.ms(plain.wall().median()),
              Report.ms(plain.wall().p99()), Report.ratio(vs.wall().median() / plain.wall().median()), "", "", ""));
          report.add(new Row("  versus, CPU time", Report.ms(vs.cpu().median()), Report.ms(vs.cpu().p99()), Report.ms(plain.cpu().median()),
              Report.ms(plain.cpu().p99()), Report.ratio(vs.cpu().median() / plain.cpu().median()), "", "", ""));
        }
        ColdStart.Measured fc = c.get("function+cds");
        ColdStart.Measured pc = c.get("plain+cds");
        if (fc != null && pc != null) {
          double r = fc.wall().median() / pc.wall().median();
          report.add(new Row("with an AppCDS archive, both (lever, not deployed)", Report.ms(fc.wall().median()), Report.ms(fc.wall().p99()),
              Report.ms(pc.wall().median()), Report.ms(pc.wall().p99()), Report.ratio(r), "", "≤ 1.30×", Report.verdict(r <= 1.3)));
          report.add(new Row("  with AppCDS, CPU time", Report.ms(fc.cpu().median()), Report.ms(fc.cpu().p99()), Report.ms(pc.cpu().median()),
              Report.ms(pc.cpu().p99()), Report.ratio(fc.cpu().median() / pc.cpu().median()), "", "", ""));
        }
        if (!c.handlerCalls().equals(c.plainCalls())) {
          System.err.println("WARNING: the plain baseline's calls drifted from the handler's:\n  handler " + c.handlerCalls()
              + "\n  plain   " + c.plainCalls());
        } else {
          System.err.println("cold start: the handler and the baseline both sent " + c.handlerCalls());
        }
      }

      if (o.runs("warm")) {
        PortalFixture portal = PortalFixture.create(stack, f, 40);
        List<Warm.Result> results = Warm.run(o, stack, Warm.operations(stack, f, portal));
        report.section("Warm latency: handler called in-process (n=" + o.warmCalls() + " each); baseline: one raw PutItem to the same DynamoDB Local, interleaved");
        for (Warm.Result r : results) {
          double ratio = r.latency().median() / r.baseline().median();
          String target = r.name().startsWith("session creation") ? "≤ 2.20×" : r.name().startsWith("portal home") ? "≤ 2 RT" : "";
          String verdict = target.isEmpty() ? "" : target.endsWith("RT") ? Report.verdict(r.roundTrips() <= 2.0) : Report.verdict(ratio <= 2.2);
          report.add(new Row(r.name(), Report.ms(r.latency().median()), Report.ms(r.latency().p99()), Report.ms(r.baseline().median()),
              Report.ms(r.baseline().p99()), Report.ratio(ratio), String.format(Locale.ROOT, "%.1f", r.roundTrips()), target, verdict));
          if (!r.name().startsWith(Warm.FLOOR)) {
            report.add(new Row("  of which waiting for DynamoDB", Report.ms(r.wire().median()), Report.ms(r.wire().p99()), "", "", "", "", "", ""));
          }
        }
      }

      if (o.runs("size")) {
        Sizes.Artifact a = Sizes.artifact(root);
        report.section("Size");
        report.add(new Row("deployment artifact (zip: classes + " + a.jars() + " jars; " + Report.mb(a.unpackedBytes()) + " unpacked)",
            Report.mb(a.zipBytes()), "", "", "", "", "", "≤ 20 MB", Report.verdict(a.zipBytes() <= 20_000_000L)));
        Api api = new Api(stack.baseUrl(), f.key());
        String url = api.post("/v1/billing_portal/sessions", "customer=" + f.sessionCustomer() + "&return_url=https%3A%2F%2Fexample.com%2Faccount")
            .path("url").asText();
        Sizes.Page page = Sizes.portalPage(url);
        report.add(new Row("hosted portal page, bytes on the wire (" + page.requests() + " request" + (page.requests() == 1 ? "" : "s")
            + (page.contentEncoding() == null ? ", uncompressed" : ", " + page.contentEncoding()) + ")",
            String.format(Locale.ROOT, "%,d B", page.bytes()), "", "", "", "", "", "", ""));
      }
    }

    if (o.runs("throughput")) throughput(o, root, report);

    System.out.println();
    System.out.println("Portico bench, " + Instant.now().toString().substring(0, 19) + "Z, " + machine());
    System.out.println();
    System.out.print(report.render());
    System.out.printf(Locale.ROOT, "%n(ratios divide by the baseline of the same run; total bench time %.0f s)%n", (System.nanoTime() - started) / 1e9);
    System.out.flush();
    System.exit(0); // DynamoDB Local and HTTP client threads would keep the JVM up
  }

  private static void throughput(Options o, Path root, Report report) throws Exception {
    report.section("Throughput over HTTP: sequences/s through the local stack (bin/portico-local's process), "
        + o.measureSeconds() + " s per level after " + o.warmupSeconds() + " s warm-up");
    try (Servers.Running portico = Servers.portico(root, o.java())) {
      Api api = new Api(portico.base(), portico.key());
      System.err.println("throughput: warming up the local stack");
      Throughput.drive(4, 0, Math.max(2, o.warmupSeconds() * 3), Throughput.porticoMerchant(api));
      for (int clients : o.clients()) {
        Throughput.Load l = Throughput.drive(clients, o.warmupSeconds(), o.measureSeconds(), Throughput.porticoMerchant(api));
        report.add(loadRow("merchant sequence (customer → card → subscription → portal session), " + clients + " client" + (clients == 1 ? "" : "s"),
            l, null));
      }

      Servers.Running mock = o.mock() ? Servers.mock(cacheDir()) : null;
      if (mock == null) {
        report.add(new Row("stripe-stateful-mock comparison skipped (see stderr)", "", "", "", "", "", "", "", ""));
        return;
      }
      try (mock) {
        report.section("Throughput, the part stripe-stateful-mock " + Servers.MOCK_VERSION
            + " also serves (customer with test card → product → price → subscription → retrieve); baseline: the mock, same client, same run");
        Api mockApi = new Api(mock.base(), mock.key());
        Throughput.drive(4, 0, Math.max(2, o.warmupSeconds()), Throughput.mockCommon(mockApi));
        Throughput.drive(4, 0, Math.max(2, o.warmupSeconds()), Throughput.porticoCommon(api));
        for (int clients : o.clients()) {
          Throughput.Load p = Throughput.drive(clients, o.warmupSeconds(), o.measureSeconds(), Throughput.porticoCommon(api));
          Throughput.Load m = Throughput.drive(clients, o.warmupSeconds(), o.measureSeconds(), Throughput.mockCommon(mockApi));
          report.add(loadRow("Portico vs mock, " + clients + " client" + (clients == 1 ? "" : "s"), p, m));
          if (clients == 4 && portico.dynamo() != null) {
            // The ceiling: the local stack's DynamoDB Local alone, six PutItems per sequence and nothing else.
            try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(portico.dynamo())).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create()).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
              Throughput.Load floor = Throughput.drive(clients, o.warmupSeconds(), o.measureSeconds(), Throughput.putItemsOnly(dynamo));
              report.add(loadRow("  floor: its DynamoDB Local alone, 6 PutItems per sequence, 4 clients", floor, m));
            }
          }
        }
      }
    }
  }

  private static Row loadRow(String what, Throughput.Load l, Throughput.Load baseline) {
    String value = Report.num(l.sequencesPerSecond(), "seq/s") + String.format(Locale.ROOT, " (%.0f req/s)", l.requestsPerSecond());
    String p99 = Report.ms(l.sequenceMs().p99()) + " /seq";
    String errors = l.errors() == 0 ? "" : l.errors() + " errors";
    if (baseline == null) return new Row(what + " — median " + Report.ms(l.sequenceMs().median()) + " /seq", value, p99, "", "", "", "", "", errors);
    boolean valid = l.errors() == 0 && baseline.errors() == 0 && baseline.sequencesPerSecond() > 0;
    double ratio = valid ? l.sequencesPerSecond() / baseline.sequencesPerSecond() : Double.NaN;
    boolean target = l.clients() == 4 && !what.startsWith("  floor"); // a floor row shows a ceiling, it has no target
    if (!valid) errors = "invalid: " + l.errors() + " + " + baseline.errors() + " errors";
    return new Row(what, value, p99, Report.num(baseline.sequencesPerSecond(), "seq/s")
        + String.format(Locale.ROOT, " (%.0f req/s)", baseline.requestsPerSecond()), Report.ms(baseline.sequenceMs().p99()) + " /seq",
        Report.ratio(ratio), "", target ? "≥ 2.00×" : "", target && valid ? Report.verdict(ratio >= 2.0) : errors);
  }

  static Path cacheDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
    return base.resolve("portico-bench").resolve("stripe-stateful-mock-" + Servers.MOCK_VERSION);
  }

  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Paths.get("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    } catch (IOException ignored) {
      // not Linux
    }
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(Locale.ROOT, "%d cores (%s), load average %.2f at the end, %s %s, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
        cpu, load, System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }
}
