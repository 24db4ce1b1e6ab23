package io.portico.service;

import io.portico.domain.Account;
import io.portico.domain.Ids;
import io.portico.store.AccountRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Creates merchant accounts with their secret keys; the keys are returned once and stored only as hashes. */
@Singleton
public class AccountService {
  public record CreatedAccount(Account account, String testSecretKey, String liveSecretKey) {}

  private final AccountRepository accounts;
  private final Clock clock;

  public AccountService(AccountRepository accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  public CreatedAccount create(String businessName, String supportEmail, String termsOfServiceUrl, String privacyPolicyUrl,
      Account.Branding branding) {
    return create(businessName, supportEmail, termsOfServiceUrl, privacyPolicyUrl, branding, "cancel");
  }

  /** {@code failedPaymentBehavior}: cancel (Stripe's default) or mark_unpaid, after the last failed retry. */
  public CreatedAccount create(String businessName, String supportEmail, String termsOfServiceUrl, String privacyPolicyUrl,
      Account.Branding branding, String failedPaymentBehavior) {
    long now = clock.instant().getEpochSecond();
    Account account = new Account(Ids.newId("acct"), businessName, supportEmail, null, null, termsOfServiceUrl, privacyPolicyUrl,
        branding, null, now, failedPaymentBehavior);
    String test = SecretKeys.newSecretKey(false);
    String live = SecretKeys.newSecretKey(true);
    accounts.create(account, List.of(
        new AccountRepository.ApiKey(SecretKeys.sha256(test), account.id(), false, now),
        new AccountRepository.ApiKey(SecretKeys.sha256(live), account.id(), true, now)));
    return new CreatedAccount(account, test, live);
  }

  /** Adds a key with a chosen value (the sample events' fixed test key, for sam local invoke and tests). */
  public void addKey(String accountId, String secretKey) {
    accounts.addKey(new AccountRepository.ApiKey(SecretKeys.sha256(secretKey), accountId, secretKey.startsWith("sk_live_"),
        clock.instant().getEpochSecond()));
  }
}
