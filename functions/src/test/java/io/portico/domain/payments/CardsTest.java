package io.portico.domain.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.error.ApiError;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardsTest {
  private static final YearMonth NOW = YearMonth.of(2026, 8);

  private static void cardError(String code, String param, Runnable call) {
    ApiError e = assertThrows(ApiError.class, call::run);
    assertEquals(402, e.status());
    assertEquals(ApiError.CARD, e.type());
    assertEquals(code, e.code());
    assertEquals(param, e.param());
  }

  @Test
  void luhnAcceptsStripesTestNumbersAndRefusesOneDigitOff() {
    for (String n : List.of("4242424242424242", "5555555555554444", "378282246310005", "4000000000000002", "4000000000009995",
        "4000000000000069", "4000000000000127", "4000000000000341", "6011111111111117", "3056930009020004", "3566002020360505",
        "6200000000000005", "2223003122003222", "5200828282828210", "5105105105105100", "371449635398431", "4000056655665556")) {
      assertTrue(Cards.luhn(n), n);
    }
    assertFalse(Cards.luhn("4242424242424241"));
    assertFalse(Cards.luhn("4242424242424243"));
  }

  @Test
  void numbersAreDigitsWithTheirCheckDigit() {
    assertEquals("4242424242424242", Cards.number("4242 4242 4242 4242", "number"));
    cardError("incorrect_number", "number", () -> Cards.number("4242424242424241", "number"));
    cardError("invalid_number", "number", () -> Cards.number("4242-4242-4242-4242", "number"));
    cardError("invalid_number", "number", () -> Cards.number("42424242", "number"));
    ApiError e = assertThrows(ApiError.class, () -> Cards.number("4242424242424241", "number"));
    assertFalse(e.getMessage().contains("4242"), "the message never repeats the number: " + e.getMessage());
  }

  @Test
  void brandsByTheirFirstDigits() {
    Map<String, String> brands = Map.of("4242424242424242", "visa", "5555555555554444", "mastercard", "2223003122003222", "mastercard",
        "378282246310005", "amex", "6011111111111117", "discover", "3056930009020004", "diners", "3566002020360505", "jcb",
        "6200000000000005", "unionpay", "9999999999999995", "unknown");
    brands.forEach((number, brand) -> assertEquals(brand, Cards.brand(number).brand(), number));
    assertEquals("american_express", Cards.AMEX.displayBrand());
    assertEquals(4, Cards.AMEX.cvcLength());
  }

  @Test
  void expiryIsAMonthOfThisYearOrLater() {
    assertEquals(2026, Cards.expiryYear(8, 2026, NOW, "exp_month", "exp_year"), "valid through the end of its month");
    assertEquals(2034, Cards.expiryYear(12, 34, NOW, "exp_month", "exp_year"), "two-digit years are this century");
    cardError("invalid_expiry_year", "exp_year", () -> Cards.expiryYear(12, 2025, NOW, "exp_month", "exp_year"));
    cardError("invalid_expiry_month", "exp_month", () -> Cards.expiryYear(7, 2026, NOW, "exp_month", "exp_year"));
    cardError("invalid_expiry_month", "exp_month", () -> Cards.expiryYear(13, 2030, NOW, "exp_month", "exp_year"));
    cardError("invalid_expiry_month", "exp_month", () -> Cards.expiryYear(0, 2030, NOW, "exp_month", "exp_year"));
    cardError("invalid_expiry_year", "exp_year", () -> Cards.expiryYear(1, 2077, NOW, "exp_month", "exp_year"));
  }

  @Test
  void cvcLengthFollowsTheBrand() {
    Cards.cvc("123", Cards.VISA, "cvc");
    Cards.cvc("1234", Cards.AMEX, "cvc");
    Cards.cvc(null, Cards.VISA, "cvc"); // optional
    cardError("invalid_cvc", "cvc", () -> Cards.cvc("1234", Cards.VISA, "cvc"));
    cardError("invalid_cvc", "cvc", () -> Cards.cvc("123", Cards.AMEX, "cvc"));
    cardError("invalid_cvc", "cvc", () -> Cards.cvc("12a", Cards.VISA, "cvc"));
  }
}
