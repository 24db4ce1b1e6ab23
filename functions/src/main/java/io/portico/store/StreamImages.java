package io.portico.store;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.portico.domain.Scope;
import io.portico.wire.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the billing table's stream records (as Lambda hands them over) back into what was written. */
public final class StreamImages {
  /** A new event item: the stream record's sequence number, the event's account and mode, and the event as stored. */
  public record NewEvent(String sequenceNumber, Scope scope, JsonNode event) {}

  private StreamImages() {}

  /** The event a record inserted; null for any other record (another kind of item, a modification, a TTL removal). */
  public static NewEvent newEvent(DynamodbEvent.DynamodbStreamRecord record) {
    if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null || record.getDynamodb().getNewImage() == null) return null;
    EnhancedDocument doc = EnhancedDocument.fromAttributeValueMap(toSdk(record.getDynamodb().getNewImage())).toBuilder()
        .attributeConverterProviders(AttributeConverterProvider.defaultProvider()).build();
    if (!EventItems.KIND.equals(doc.getString(TableLayout.KIND))) return null;
    return new NewEvent(record.getDynamodb().getSequenceNumber(), Scopes.parse(doc.getString(TableLayout.SCOPE)),
        Json.read(doc.getJson(TableLayout.DATA), JsonNode.class));
  }

  public static Map<String, AttributeValue> toSdk(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    image.forEach((k, v) -> out.put(k, toSdk(v)));
    return out;
  }

  static AttributeValue toSdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
    if (v.getS() != null) return AttributeValue.fromS(v.getS());
    if (v.getN() != null) return AttributeValue.fromN(v.getN());
    if (v.getBOOL() != null) return AttributeValue.fromBool(v.getBOOL());
    if (Boolean.TRUE.equals(v.getNULL())) return AttributeValue.fromNul(true);
    if (v.getM() != null) return AttributeValue.fromM(toSdk(v.getM()));
    if (v.getL() != null) {
      List<AttributeValue> l = new ArrayList<>();
      v.getL().forEach(x -> l.add(toSdk(x)));
      return AttributeValue.fromL(l);
    }
    if (v.getSS() != null) return AttributeValue.fromSs(v.getSS());
    if (v.getNS() != null) return AttributeValue.fromNs(v.getNS());
    if (v.getB() != null) return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB().duplicate()));
    if (v.getBS() != null) {
      List<SdkBytes> bs = new ArrayList<>();
      for (ByteBuffer b : v.getBS()) bs.add(SdkBytes.fromByteBuffer(b.duplicate()));
      return AttributeValue.fromBs(bs);
    }
    return AttributeValue.fromNul(true); // an empty list or map arrives as neither: Lambda drops empty collections
  }
}
