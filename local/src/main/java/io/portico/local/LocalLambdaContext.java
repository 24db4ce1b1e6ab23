package io.portico.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda context a local invocation gets: the function's name, a fresh request id, a logger to stderr. */
final class LocalLambdaContext implements Context {
  private final String functionName;
  private final String requestId = UUID.randomUUID().toString();

  LocalLambdaContext(String functionName) {
    this.functionName = functionName;
  }

  @Override public String getAwsRequestId() { return requestId; }
  @Override public String getLogGroupName() { return "/local/" + functionName; }
  @Override public String getLogStreamName() { return "local"; }
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
