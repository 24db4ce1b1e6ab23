package io.portico.domain.payments;

import io.portico.error.ApiError;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/**
 * The checks a bank account's numbers carry themselves: IBAN check digits (ISO 13616, mod 97),
 * ABA routing number checksums, and each scheme's digit counts. Messages never repeat a number.
 */
public final class BankAccounts {
  /** Countries whose IBANs can be debited under SEPA (the EEA, Switzerland, the UK and the microstates). */
  public static final Set<String> SEPA_COUNTRIES = Set.of(
      "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL",
      "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", "CH", "GB", "AD", "GI", "MC", "SM", "VA");

  private BankAccounts() {}

  /** An IBAN without spaces, upper case, whose check digits hold and whose country is in SEPA. */
  public static String iban(String raw, String param) {
    String iban = raw.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}") || !mod97(iban)) {
      throw ApiError.invalid("invalid_bank_account_iban", param, "The IBAN you provided is invalid: check its length and check digits.");
    }
    if (!SEPA_COUNTRIES.contains(iban.substring(0, 2))) {
      throw ApiError.invalid("invalid_bank_account_iban", param,
          "The IBAN you provided is from " + iban.substring(0, 2) + ", which is not in the SEPA area.");
    }
    return iban;
  }

  private static boolean mod97(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /** A US routing number: nine digits with the ABA checksum (3, 7, 1 weights). */
  public static String abaRoutingNumber(String raw, String param) {
    if (raw.matches("\\d{9}")) {
      int sum = 0;
      int[] weights = {3, 7, 1};
      for (int i = 0; i < 9; i++) sum += (raw.charAt(i) - '0') * weights[i % 3];
      if (sum % 10 == 0) return raw;
    }
    throw ApiError.invalid("routing_number_invalid", param, "The routing number you provided is invalid: it has nine digits and a checksum.");
  }

  /** A bank code or account number of {@code min} to {@code max} digits; dashes and spaces (10-88-00) are dropped. */
  public static String digits(String raw, int min, int max, String code, String param, String what) {
    String digits = raw.replace("-", "").replace(" ", "");
    if (!digits.matches("\\d{" + min + "," + max + "}")) {
      throw ApiError.invalid(code, param, "The " + what + " you provided is invalid: it has " + (min == max ? min : min + " to " + max) + " digits.");
    }
    return digits;
  }

  public static String last4(String number) {
    return number.substring(number.length() - 4);
  }
}
