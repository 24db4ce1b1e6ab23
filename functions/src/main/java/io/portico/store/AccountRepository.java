package io.portico.store;

import io.portico.domain.Account;
import java.util.List;

public interface AccountRepository {
  Account find(String accountId);

  /** The account and mode a secret key (given by its SHA-256) belongs to; null for an unknown key. */
  ApiKey findKey(String secretHash);

  /** Creates the account with its keys, all or nothing. */
  void create(Account account, List<ApiKey> keys);

  void addKey(ApiKey key);

  record ApiKey(String secretHash, String accountId, boolean livemode, long created) {}
}
