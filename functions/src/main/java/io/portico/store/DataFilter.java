package io.portico.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A list filter on fields of the stored object ({@code data.active = true},
 * {@code data.recurring.interval = "month"}, {@code data.created >= 1700000000}), applied by
 * DynamoDB while it reads a list partition.
 */
public final class DataFilter {
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();

  /** Adds {@code data.<path> = value}; a null value adds nothing (the filter was not asked for). */
  public DataFilter eq(String dottedPath, Object value) {
    return compare(dottedPath, "=", value);
  }

  /** Adds {@code data.<path> <> value} (also true where the field is absent); a null value adds nothing. */
  public DataFilter notEq(String dottedPath, Object value) {
    return compare(dottedPath, "<>", value);
  }

  /** Adds the bounds of {@code range} on the number at {@code data.<path>}; null adds nothing. */
  public DataFilter within(String dottedPath, TimeRange range) {
    if (range == null) return this;
    return compare(dottedPath, ">", range.gt()).compare(dottedPath, ">=", range.gte())
        .compare(dottedPath, "<", range.lt()).compare(dottedPath, "<=", range.lte());
  }

  private DataFilter compare(String dottedPath, String operator, Object value) {
    if (value == null) return this;
    StringBuilder path = new StringBuilder("#d");
    for (String part : dottedPath.split("\\.")) {
      String alias = "#f" + names.size();
      names.put(alias, part);
      path.append('.').append(alias);
    }
    String placeholder = ":v" + values.size();
    values.put(placeholder, value instanceof Boolean b ? AttributeValue.fromBool(b)
        : value instanceof Number n ? AttributeValue.fromN(n.toString()) : AttributeValue.fromS(value.toString()));
    conditions.add(path + " " + operator + " " + placeholder);
    return this;
  }

  /** The expression, or null when no condition was added. */
  public Expression build() {
    if (conditions.isEmpty()) return null;
    Map<String, String> allNames = new HashMap<>(names);
    allNames.put("#d", TableLayout.DATA);
    return Expression.builder().expression(String.join(" AND ", conditions)).expressionNames(allNames).expressionValues(values).build();
  }
}
