package io.portico.store;

import io.portico.domain.Account;
import io.portico.domain.Scope;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

@Singleton
public class DynamoAccountRepository implements AccountRepository {
  private static final String KIND = "account";
  private final BillingTable table;

  public DynamoAccountRepository(BillingTable table) {
    this.table = table;
  }

  @Override
  public Account find(String accountId) {
    EnhancedDocument doc = table.get(accountId);
    return doc == null || !KIND.equals(doc.getString(TableLayout.KIND)) ? null : BillingTable.versioned(doc, Account.class).value();
  }

  @Override
  public ApiKey findKey(String secretHash) {
    EnhancedDocument doc = table.get(TableLayout.apiKeyPk(secretHash));
    if (doc == null) return null;
    return new ApiKey(secretHash, doc.getString("account"), doc.getBoolean("livemode"), doc.getNumber("created").longValue());
  }

  @Override
  public void create(Account account, List<ApiKey> keys) {
    List<Write> writes = new ArrayList<>();
    // Accounts are not listed per scope; the test scope is only a placeholder owner.
    writes.add(Write.insert(BillingTable.objectItem(new Scope(account.id(), false), KIND, account.id(), account.created() * 1000, 1, account,
        false).build()));
    for (ApiKey k : keys) writes.add(keyItem(k));
    table.write(writes);
  }

  @Override
  public void addKey(ApiKey key) {
    table.write(List.of(keyItem(key)));
  }

  private static Write keyItem(ApiKey k) {
    return Write.insert(EnhancedDocument.builder()
        .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
        .putString(TableLayout.PK, TableLayout.apiKeyPk(k.secretHash()))
        .putString(TableLayout.KIND, "api_key")
        .putString("account", k.accountId())
        .putBoolean("livemode", k.livemode())
        .putNumber("created", k.created())
        .build());
  }
}
