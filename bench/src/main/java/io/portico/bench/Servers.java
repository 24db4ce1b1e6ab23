package io.portico.bench;

import io.portico.local.LocalStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The two servers the throughput rows drive, each in a process of its own, as a user would run them. */
final class Servers {
  /** A running server: where it listens, the secret key to use and, when it says (Portico's local stack), its DynamoDB Local. */
  record Running(String name, String base, String key, String dynamo, Process process) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }

  static final String MOCK_VERSION = "0.0.16";

  private Servers() {}

  /** {@code bin/portico-local}'s process: {@code java -jar local/target/portico-local.jar}, with its demo key. */
  static Running portico(Path root, String java) throws IOException, InterruptedException {
    int port = freePort();
    Path log = root.resolve("bench/target/portico-local.log");
    Process p = new ProcessBuilder(java, "-jar", root.resolve("local/target/portico-local.jar").toString(), "--port", Integer.toString(port))
        .directory(root.toFile()).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    String dynamo = null;
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.strip().startsWith("DynamoDB Local ")) dynamo = line.strip().split("\\s+")[2];
      if (line.contains("Stop with Ctrl-C")) break;
    }
    if (line == null) throw new IllegalStateException("the local stack did not start:\n" + seen);
    // Keep draining its output (into a log) so it never blocks on a full pipe.
    Thread drain = new Thread(() -> {
      try (var w = Files.newBufferedWriter(log)) {
        w.write(seen.toString());
        String l;
        while ((l = out.readLine()) != null) w.write(l + "\n");
      } catch (IOException ignored) {
        // the process ended
      }
    }, "portico-local-log");
    drain.setDaemon(true);
    drain.start();
    return new Running("Portico local stack", "http://127.0.0.1:" + port, LocalStack.SAMPLE_TEST_KEY, dynamo, p);
  }

  /** stripe-stateful-mock (npm), installed once into {@code cache}; null (with the reason on stderr) when node or npm is missing. */
  static Running mock(Path cache) throws IOException, InterruptedException {
    Path cli = cache.resolve("node_modules/stripe-stateful-mock/dist/cli.js");
    if (!Files.exists(cli)) {
      System.err.println("installing stripe-stateful-mock@" + MOCK_VERSION + " into " + cache + " (npm)");
      Files.createDirectories(cache);
      Process npm;
      try {
        npm = new ProcessBuilder("npm", "install", "--prefix", cache.toString(), "--no-audit", "--no-fund", "--no-save",
            "stripe-stateful-mock@" + MOCK_VERSION).inheritIO().start();
      } catch (IOException e) {
        System.err.println("npm not found: the stripe-stateful-mock rows are skipped");
        return null;
      }
      if (npm.waitFor() != 0 || !Files.exists(cli)) {
        System.err.println("npm install stripe-stateful-mock failed: its rows are skipped");
        return null;
      }
    }
    int port = freePort();
    ProcessBuilder pb = new ProcessBuilder("node", cli.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("LOG_LEVEL", "silent");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      System.err.println("node not found: the stripe-stateful-mock rows are skipped");
      return null;
    }
    for (int i = 0; i < 100; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return new Running("stripe-stateful-mock " + MOCK_VERSION, "http://127.0.0.1:" + port, "sk_test_bench", null, p);
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("stripe-stateful-mock did not listen on " + port);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
