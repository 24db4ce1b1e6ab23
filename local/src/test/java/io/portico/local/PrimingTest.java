package io.portico.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.config.Priming;
import io.portico.functions.PortalApiHandler;
import io.portico.functions.PortalPageHandler;
import io.portico.functions.SessionsHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** SnapStart's priming request goes the whole way through a function and is refused, writing nothing. */
class PrimingTest {
  private static int items() {
    int n = 0;
    for (String table : new String[] {"BillingTable", "SessionsTable"}) {
      n += TestStack.get().dynamo().scan(ScanRequest.builder().tableName(table).select("COUNT").build()).count();
    }
    return n;
  }

  @Test
  void primingRequestsAreRefusedAndWriteNothing() {
    var context = TestStack.get().context();
    int before = items();
    var merchant = new SessionsHandler(context).handleRequest(
        Priming.request("GET", "/v1/priming", "/v1/priming", null), null);
    assertEquals(401, merchant.getStatusCode(), merchant.getBody());
    var page = new PortalPageHandler(context).handleRequest(
        Priming.request("GET", "/p/session/{token}", "/p/session/priming", Map.of("token", "priming")), null);
    assertEquals(401, page.getStatusCode());
    var portal = new PortalApiHandler(context).handleRequest(Priming.request("GET", "/p/api/home", "/p/api/home", null), null);
    assertEquals(401, portal.getStatusCode(), portal.getBody());
    assertEquals(before, items());
  }

  @Test
  void aFailingPrimingIsHarmless() {
    AtomicInteger runs = new AtomicInteger();
    Priming p = Priming.register(() -> {
      runs.incrementAndGet();
      throw new IllegalStateException("DynamoDB unreachable at snapshot time");
    });
    p.beforeCheckpoint(null);
    p.afterRestore(null);
    assertEquals(1, runs.get());
  }
}
