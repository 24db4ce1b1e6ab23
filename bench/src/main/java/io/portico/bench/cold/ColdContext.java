package io.portico.bench.cold;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The Lambda context of a cold-start child, and how a child reports its answer. */
final class ColdContext implements Context {
  private final String functionName;

  ColdContext(String functionName) {
    this.functionName = functionName;
  }

  /**
   * Reports the response (then the CPU time used) and ends the JVM at once: Lambda freezes the sandbox after the response,
   * so shutdown is no part of a cold start.
   */
  static void done(int status, String body) {
    System.out.println("DONE " + status);
    System.out.flush();
    // After the timed line: the CPU time this JVM used so far (all threads, user + system), steadier than
    // wall time on a shared machine.
    System.out.println("CPU " + ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0));
    System.out.flush();
    if (status != 200) System.err.println(body);
    Runtime.getRuntime().halt(status == 200 ? 0 : 1);
  }

  @Override public String getAwsRequestId() { return "cold-start"; }
  @Override public String getLogGroupName() { return "/bench/" + functionName; }
  @Override public String getLogStreamName() { return "bench"; }
  @Override public String getFunctionName() { return functionName; }
  @Override public String getFunctionVersion() { return "$LATEST"; }
  @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:" + functionName; }
  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }
  @Override public int getRemainingTimeInMillis() { return 20_000; }
  @Override public int getMemoryLimitInMB() { return 1024; }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override public void log(String message) { System.err.print(message); }
      @Override public void log(byte[] message) { System.err.print(new String(message, StandardCharsets.UTF_8)); }
    };
  }
}
