package io.portico.domain.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.error.ApiError;
import org.junit.jupiter.api.Test;

class BankAccountsTest {

  private static ApiError refused(String code, Runnable call) {
    ApiError e = assertThrows(ApiError.class, call::run);
    assertEquals(400, e.status());
    assertEquals(code, e.code());
    return e;
  }

  @Test
  void ibansCarryCheckDigits() {
    assertEquals("DE89370400440532013000", BankAccounts.iban("DE89 3704 0044 0532 0130 00", "sepa_debit[iban]"));
    assertEquals("FR1420041010050500013M02606", BankAccounts.iban("fr1420041010050500013m02606", "sepa_debit[iban]"));
    assertEquals("AT611904300234573201", BankAccounts.iban("AT611904300234573201", "sepa_debit[iban]"));
    ApiError e = refused("invalid_bank_account_iban", () -> BankAccounts.iban("DE89370400440532013001", "sepa_debit[iban]"));
    assertEquals("sepa_debit[iban]", e.param());
    assertFalse(e.getMessage().contains("0532013001"), "the message never repeats the number");
    refused("invalid_bank_account_iban", () -> BankAccounts.iban("DE8937040044", "sepa_debit[iban]"));
  }

  @Test
  void ibansOutsideSepaAreRefused() {
    // A valid Brazilian IBAN: right check digits, wrong area.
    ApiError e = refused("invalid_bank_account_iban", () -> BankAccounts.iban("BR1800360305000010009795493C1", "sepa_debit[iban]"));
    assertEquals("The IBAN you provided is from BR, which is not in the SEPA area.", e.getMessage());
  }

  @Test
  void usRoutingNumbersCarryTheAbaChecksum() {
    assertEquals("110000000", BankAccounts.abaRoutingNumber("110000000", "r"));
    assertEquals("021000021", BankAccounts.abaRoutingNumber("021000021", "r"));
    refused("routing_number_invalid", () -> BankAccounts.abaRoutingNumber("110000001", "r"));
    refused("routing_number_invalid", () -> BankAccounts.abaRoutingNumber("11000000", "r"));
  }

  @Test
  void digitCounts() {
    assertEquals("108800", BankAccounts.digits("10-88-00", 6, 6, "routing_number_invalid", "p", "sort code"));
    ApiError e = refused("account_number_invalid", () -> BankAccounts.digits("1234", 5, 9, "account_number_invalid", "p", "account number"));
    assertEquals("The account number you provided is invalid: it has 5 to 9 digits.", e.getMessage());
    assertEquals("3000", BankAccounts.last4("DE89370400440532013000"));
  }
}
