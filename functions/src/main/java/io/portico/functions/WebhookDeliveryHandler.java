package io.portico.functions;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.portico.config.LambdaContext;
import io.portico.service.WebhookDispatcher;
import io.portico.store.StreamImages;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Lambda on the billing table's stream (filtered in template.yaml to new event items; the local
 * stack feeds it the same records from DynamoDB Local's stream): delivers each new event to the
 * endpoints subscribed to it. Reports the first record it could not handle as a batch item failure,
 * so the stream hands that record and the ones after it again (ReportBatchItemFailures).
 */
public class WebhookDeliveryHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {
  @Inject
  WebhookDispatcher dispatcher;

  public WebhookDeliveryHandler() {}

  public WebhookDeliveryHandler(ApplicationContext context) {
    super(context);
  }

  /** Singletons as this function needs them, not every one of the artifact (see {@link LambdaContext}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContext.forLambda(getClass());
  }

  @Override
  public StreamsEventResponse execute(DynamodbEvent event) {
    List<StreamImages.NewEvent> records = new ArrayList<>();
    String unreadable = null;
    if (event.getRecords() != null) {
      for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
        try {
          StreamImages.NewEvent e = StreamImages.newEvent(r);
          if (e != null) records.add(e); // anything else (the filter lets nothing else through) is not ours to deliver
        } catch (RuntimeException e) {
          unreadable = r.getDynamodb() == null ? null : r.getDynamodb().getSequenceNumber();
          break;
        }
      }
    }
    // Records before an unreadable one are delivered; a failure among them comes first.
    String failed = dispatcher.deliverFromStream(records);
    String first = failed != null ? failed : unreadable;
    List<StreamsEventResponse.BatchItemFailure> failures = first == null ? List.of()
        : List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(first).build());
    return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
  }
}
