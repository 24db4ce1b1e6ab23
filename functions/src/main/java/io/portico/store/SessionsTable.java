package io.portico.store;

import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The short-lived items: portal sessions and idempotency keys (layout: {@link TableLayout}). */
@Singleton
public class SessionsTable {
  private final DynamoDbTable<EnhancedDocument> table;

  public SessionsTable(DynamoDbEnhancedClient client, TableNames names) {
    this.table = client.table(names.sessions(), TableSchema.documentSchemaBuilder()
        .addIndexPartitionKey(TableMetadata.primaryIndexName(), TableLayout.PK, AttributeValueType.S)
        .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .build());
  }

  DynamoDbTable<EnhancedDocument> table() {
    return table;
  }

  public static EnhancedDocument.Builder item(String pk) {
    return EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider()).putString(TableLayout.PK, pk);
  }

  public EnhancedDocument get(String pk) {
    return table.getItem(GetItemEnhancedRequest.builder().key(Key.builder().partitionValue(pk).build()).consistentRead(true).build());
  }

  /** Puts the item if {@code condition} holds (null: always); false when the condition failed. */
  public boolean put(EnhancedDocument item, Expression condition) {
    try {
      table.putItem(PutItemEnhancedRequest.builder(EnhancedDocument.class).item(item).conditionExpression(condition).build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Sets the item's attributes (leaving others as they are) if {@code condition} holds, and returns
   * the whole item as it is afterwards; null when the condition failed.
   */
  public EnhancedDocument update(EnhancedDocument attributes, Expression condition) {
    try {
      return table.updateItem(UpdateItemEnhancedRequest.builder(EnhancedDocument.class).item(attributes).ignoreNulls(true)
          .conditionExpression(condition).build());
    } catch (ConditionalCheckFailedException e) {
      return null;
    }
  }

  public void delete(String pk) {
    table.deleteItem(Key.builder().partitionValue(pk).build());
  }

  public static Expression condition(String expression, Map<String, AttributeValue> values) {
    return Expression.builder().expression(expression).expressionValues(values).build();
  }
}
