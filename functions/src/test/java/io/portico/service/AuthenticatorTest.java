package io.portico.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.domain.Account;
import io.portico.error.ApiError;
import io.portico.store.AccountRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A warm function recognises a key it has just seen without reading the key and account again. */
class AuthenticatorTest {
  /** An in-memory repository that counts its reads. */
  static final class Accounts implements AccountRepository {
    final Map<String, ApiKey> keys = new HashMap<>();
    final Map<String, Account> accounts = new HashMap<>();
    final List<String> reads = new ArrayList<>();

    @Override public Account find(String accountId) {
      reads.add("account");
      return accounts.get(accountId);
    }
    @Override public ApiKey findKey(String secretHash) {
      reads.add("key");
      return keys.get(secretHash);
    }
    @Override public void create(Account account, List<ApiKey> k) {
      accounts.put(account.id(), account);
      k.forEach(this::addKey);
    }
    @Override public void addKey(ApiKey key) {
      keys.put(key.secretHash(), key);
    }
  }

  @Test
  void remembersARecognisedKeyButNeverAnUnknownOne() {
    Accounts repo = new Accounts();
    Authenticator auth = new Authenticator(repo);
    String key = "sk_test_" + "a".repeat(40);
    Account account = new Account("acct_1", "Acme", null, null, null, null, null, null, null, 0, "cancel");
    repo.create(account, List.of(new AccountRepository.ApiKey(SecretKeys.sha256(key), "acct_1", false, 0)));

    Authenticator.Caller first = auth.authenticate("Bearer " + key);
    Authenticator.Caller second = auth.authenticate("Bearer " + key);
    assertEquals(List.of("key", "account"), repo.reads, "the second request reads nothing");
    assertEquals(first.scope(), second.scope());
    assertEquals("acct_1", second.account().id());

    String unknown = "sk_test_" + "b".repeat(40);
    assertThrows(ApiError.class, () -> auth.authenticate("Bearer " + unknown));
    repo.addKey(new AccountRepository.ApiKey(SecretKeys.sha256(unknown), "acct_1", false, 0));
    assertEquals("acct_1", auth.authenticate("Bearer " + unknown).account().id(), "a key added after a miss works at once");
  }
}
