package io.portico.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What Lambda's event source mapping does for a DynamoDB stream, for the local stack: polls every
 * shard of DynamoDB Local's stream, keeps the records the template's FilterCriteria let through,
 * hands them to the function as the same {@link DynamodbEvent} Lambda would build, and honours
 * ReportBatchItemFailures (the first failed record and those after it are handed over again, after
 * a pause). Runs on its own thread in real time; what the function does with time is its clock's.
 */
final class StreamFeeder implements AutoCloseable {
  /** Polling pauses while the stream is quiet: short after records, growing to the longest (DynamoDB Local's reads cost CPU). */
  private static final long IDLE_MIN_MS = 25;
  private static final long IDLE_MAX_MS = 400;
  private static final long RETRY_PAUSE_MS = 500;
  private static final long DISCOVER_EVERY_MS = 10_000;

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Template.Function function;
  private final Template.StreamSource source;
  private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
  private final Map<String, String> iterators = new LinkedHashMap<>();
  private final Set<String> known = new HashSet<>();
  private final Thread thread;
  private volatile boolean running = true;
  private long discovered;

  StreamFeeder(DynamoDbStreamsClient streams, String streamArn, Template.Function function, Template.StreamSource source,
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.function = function;
    this.source = source;
    this.handler = handler;
    for (JsonNode f : source.filters()) checkSupported(f);
    thread = new Thread(this::run, "portico-stream-" + function.logicalId());
    thread.setDaemon(true);
  }

  void start() {
    discover(true);
    thread.start();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  private void run() {
    long idle = IDLE_MIN_MS;
    while (running) {
      try {
        if (System.currentTimeMillis() - discovered > DISCOVER_EVERY_MS) discover(false);
        boolean any = false;
        for (String shard : List.copyOf(iterators.keySet())) any |= poll(shard);
        if (any) {
          idle = IDLE_MIN_MS;
        } else {
          Thread.sleep(idle);
          idle = Math.min(IDLE_MAX_MS, idle * 2);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) return;
        System.err.println(function.logicalId() + ": stream polling failed, retrying: " + e);
        sleepQuietly(RETRY_PAUSE_MS);
      }
    }
  }

  /** One GetRecords on one shard; true when it returned records. */
  private boolean poll(String shard) {
    GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(iterators.get(shard)).limit(source.batchSize()));
    List<Record> passing = page.records().stream().filter(this::passes).toList();
    if (!passing.isEmpty()) {
      String failed;
      try {
        StreamsEventResponse response = handler.handleRequest(event(passing), new LocalLambdaContext(function.logicalId()));
        failed = response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty() ? null
            : response.getBatchItemFailures().get(0).getItemIdentifier();
        if (failed != null && !source.reportBatchItemFailures()) failed = passing.get(0).dynamodb().sequenceNumber();
      } catch (RuntimeException e) {
        System.err.println(function.logicalId() + " failed; the batch is handed over again: " + e);
        failed = passing.get(0).dynamodb().sequenceNumber(); // the whole batch, as Lambda retries a failed invocation
      }
      if (failed != null) {
        String from = failed;
        iterators.put(shard, streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(from)).shardIterator());
        sleepQuietly(RETRY_PAUSE_MS);
        return true;
      }
    }
    if (page.nextShardIterator() == null) {
      iterators.remove(shard); // closed: its children are found by discover()
    } else {
      iterators.put(shard, page.nextShardIterator());
    }
    return !page.records().isEmpty();
  }

  /** Finds shards not yet read: at start from the template's StartingPosition, later ones (children) from their beginning. */
  private void discover(boolean initial) {
    discovered = System.currentTimeMillis();
    String last = null;
    do {
      String after = last;
      var description = streams.describeStream(DescribeStreamRequest.builder().streamArn(streamArn).exclusiveStartShardId(after).build())
          .streamDescription();
      for (Shard s : description.shards()) {
        if (!known.add(s.shardId())) continue;
        ShardIteratorType type = initial && "LATEST".equals(source.startingPosition()) ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(s.shardId()).shardIteratorType(type)).shardIterator();
        if (iterator != null) iterators.put(s.shardId(), iterator);
      }
      last = description.lastEvaluatedShardId();
    } while (last != null);
  }

  private boolean passes(Record r) {
    if (source.filters().isEmpty()) return true;
    JsonNode json = asJson(r);
    for (JsonNode f : source.filters()) {
      if (matches(f, json)) return true;
    }
    return false;
  }

  /** Event filtering's equality patterns: every key of the pattern present, and each leaf value one of the listed ones. */
  static boolean matches(JsonNode pattern, JsonNode value) {
    if (value == null) return false;
    if (pattern.isArray()) {
      for (JsonNode allowed : pattern) {
        if (allowed.equals(value) || (value.isValueNode() && allowed.asText().equals(value.asText()))) return true;
      }
      return false;
    }
    var fields = pattern.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      if (!matches(f.getValue(), value.get(f.getKey()))) return false;
    }
    return true;
  }

  /** Only the equality subset of Lambda's filter syntax runs locally: say so at start rather than deliver differently. */
  private void checkSupported(JsonNode pattern) {
    if (pattern.isArray()) {
      for (JsonNode v : pattern) {
        if (!v.isValueNode()) throw new IllegalStateException(function.logicalId() + ": the local stack supports equality filters only, not " + v);
      }
    } else {
      pattern.forEach(this::checkSupported);
    }
  }

  /** The record as Lambda's filters see it: eventName and the images in DynamoDB JSON. */
  private static JsonNode asJson(Record r) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("eventName", r.eventNameAsString());
    out.put("eventSource", "aws:dynamodb");
    ObjectNode dynamodb = out.putObject("dynamodb");
    if (r.dynamodb().hasKeys()) dynamodb.set("Keys", imageJson(r.dynamodb().keys()));
    if (r.dynamodb().hasNewImage()) dynamodb.set("NewImage", imageJson(r.dynamodb().newImage()));
    if (r.dynamodb().hasOldImage()) dynamodb.set("OldImage", imageJson(r.dynamodb().oldImage()));
    return out;
  }

  private static ObjectNode imageJson(Map<String, AttributeValue> image) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    image.forEach((k, v) -> {
      ObjectNode typed = out.putObject(k);
      switch (v.type()) {
        case S -> typed.put("S", v.s());
        case N -> typed.put("N", v.n());
        case BOOL -> typed.put("BOOL", v.bool());
        case NUL -> typed.put("NULL", true);
        default -> typed.put(v.type().name(), "(not filterable locally)");
      }
    });
    return out;
  }

  private DynamodbEvent event(List<Record> records) {
    List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
    for (Record r : records) {
      DynamodbEvent.DynamodbStreamRecord rec = new DynamodbEvent.DynamodbStreamRecord();
      rec.setEventID(r.eventID());
      rec.setEventName(r.eventNameAsString());
      rec.setEventVersion(r.eventVersion());
      rec.setEventSource("aws:dynamodb");
      rec.setAwsRegion("us-east-1");
      rec.setEventSourceARN(streamArn);
      var sr = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
      sr.setSequenceNumber(r.dynamodb().sequenceNumber());
      sr.setSizeBytes(r.dynamodb().sizeBytes());
      sr.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(r.dynamodb().streamViewTypeAsString()));
      if (r.dynamodb().approximateCreationDateTime() != null) sr.setApproximateCreationDateTime(Date.from(r.dynamodb().approximateCreationDateTime()));
      if (r.dynamodb().hasKeys()) sr.setKeys(image(r.dynamodb().keys()));
      if (r.dynamodb().hasNewImage()) sr.setNewImage(image(r.dynamodb().newImage()));
      if (r.dynamodb().hasOldImage()) sr.setOldImage(image(r.dynamodb().oldImage()));
      rec.setDynamodb(sr);
      out.add(rec);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(out);
    return event;
  }

  private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(Map<String, AttributeValue> in) {
    Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, value(v)));
    return out;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(AttributeValue v) {
    var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case BOOL -> out.setBOOL(v.bool());
      case NUL -> out.setNULL(true);
      case SS -> out.setSS(v.ss());
      case NS -> out.setNS(v.ns());
      case B -> out.setB(ByteBuffer.wrap(v.b().asByteArray()));
      case BS -> out.setBS(v.bs().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList());
      case M -> out.setM(image(v.m()));
      case L -> out.setL(v.l().stream().map(StreamFeeder::value).toList());
      default -> throw new IllegalStateException("unknown attribute type " + v.type());
    }
    return out;
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
