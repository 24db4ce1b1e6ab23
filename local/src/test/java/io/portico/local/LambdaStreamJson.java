package io.portico.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a DynamoDB stream event in the JSON Lambda sends (capitalised keys, DynamoDB-typed
 * attributes) into the {@link DynamodbEvent} the function receives, strictly: a field Lambda does
 * not send fails the read, so a misspelt sample cannot pass.
 */
final class LambdaStreamJson {
  private static final Set<String> RECORD = Set.of("eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb", "eventSourceARN",
      "userIdentity");
  private static final Set<String> STREAM_RECORD = Set.of("ApproximateCreationDateTime", "Keys", "NewImage", "OldImage", "SequenceNumber",
      "SizeBytes", "StreamViewType");

  private LambdaStreamJson() {}

  static DynamodbEvent parse(JsonNode json) {
    only(json, Set.of("Records"));
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
    for (JsonNode r : json.get("Records")) {
      only(r, RECORD);
      DynamodbEvent.DynamodbStreamRecord rec = new DynamodbEvent.DynamodbStreamRecord();
      rec.setEventID(r.path("eventID").asText());
      rec.setEventName(r.path("eventName").asText());
      rec.setEventVersion(r.path("eventVersion").asText());
      rec.setEventSource(r.path("eventSource").asText());
      rec.setAwsRegion(r.path("awsRegion").asText());
      rec.setEventSourceARN(r.path("eventSourceARN").asText());
      JsonNode d = r.get("dynamodb");
      only(d, STREAM_RECORD);
      StreamRecord sr = new StreamRecord();
      sr.setApproximateCreationDateTime(new Date(d.path("ApproximateCreationDateTime").asLong() * 1000));
      sr.setSequenceNumber(d.path("SequenceNumber").asText());
      sr.setSizeBytes(d.path("SizeBytes").asLong());
      sr.setStreamViewType(StreamViewType.fromValue(d.path("StreamViewType").asText()));
      if (d.has("Keys")) sr.setKeys(image(d.get("Keys")));
      if (d.has("NewImage")) sr.setNewImage(image(d.get("NewImage")));
      if (d.has("OldImage")) sr.setOldImage(image(d.get("OldImage")));
      rec.setDynamodb(sr);
      records.add(rec);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    return event;
  }

  private static Map<String, AttributeValue> image(JsonNode m) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    m.fields().forEachRemaining(f -> out.put(f.getKey(), value(f.getValue())));
    return out;
  }

  private static AttributeValue value(JsonNode typed) {
    if (typed.size() != 1) throw new IllegalArgumentException("a DynamoDB attribute has exactly one type: " + typed);
    var f = typed.fields().next();
    JsonNode v = f.getValue();
    AttributeValue out = new AttributeValue();
    switch (f.getKey()) {
      case "S" -> out.setS(v.asText());
      case "N" -> out.setN(v.asText());
      case "BOOL" -> out.setBOOL(v.asBoolean());
      case "NULL" -> out.setNULL(v.asBoolean());
      case "M" -> out.setM(image(v));
      case "L" -> {
        List<AttributeValue> l = new ArrayList<>();
        v.forEach(x -> l.add(value(x)));
        out.setL(l);
      }
      case "SS" -> {
        List<String> l = new ArrayList<>();
        v.forEach(x -> l.add(x.asText()));
        out.setSS(l);
      }
      case "NS" -> {
        List<String> l = new ArrayList<>();
        v.forEach(x -> l.add(x.asText()));
        out.setNS(l);
      }
      case "B" -> out.setB(ByteBuffer.wrap(Base64.getDecoder().decode(v.asText())));
      default -> throw new IllegalArgumentException("unknown DynamoDB attribute type " + f.getKey());
    }
    return out;
  }

  private static void only(JsonNode node, Set<String> allowed) {
    node.fieldNames().forEachRemaining(n -> {
      if (!allowed.contains(n)) throw new IllegalArgumentException("Lambda sends no field " + n + " here");
    });
  }
}
