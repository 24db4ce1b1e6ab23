package io.portico.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocaleNegotiationTest {
  private static String pick(String session, String acceptLanguage) {
    return LocaleNegotiation.pick(session, acceptLanguage);
  }

  @Test
  void theSessionsLocaleWins() {
    assertEquals("de", pick("de", "fr-FR,fr;q=0.9"));
    assertEquals("pt-BR", pick("pt-BR", null));
    assertEquals("zh-HK", pick("zh-HK", "en"));
  }

  @Test
  void everyPortalLocaleIsItself() {
    for (String tag : LocaleNegotiation.SUPPORTED) {
      assertEquals(tag, pick(tag, "ja"));
      assertEquals(tag, pick("auto", tag));
    }
  }

  @Test
  void autoAndNothingUseTheBrowser() {
    assertEquals("fr", pick("auto", "fr-FR,fr;q=0.9,en;q=0.8"));
    assertEquals("fr", pick(null, "fr-FR,fr;q=0.9,en;q=0.8"));
    assertEquals("fr", pick("", "fr"));
    assertEquals("en", pick("auto", null));
    assertEquals("en", pick(null, ""));
  }

  @Test
  void stripesEnglishVariantsOfASessionMapToOurs() {
    // Stripe accepts these session locales; we translate en and en-GB.
    assertEquals("en-GB", pick("en-AU", null));
    assertEquals("en-GB", pick("en-IE", null));
    assertEquals("en-GB", pick("en-IN", null));
    assertEquals("en-GB", pick("en-NZ", null));
    assertEquals("en-GB", pick("en-SG", null));
    assertEquals("en", pick("en-CA", null));
  }

  @Test
  void regionalTagsFallBackToTheirLanguageOrItsVariant() {
    assertEquals("de", pick(null, "de-AT"));
    assertEquals("de", pick(null, "de-CH"));
    assertEquals("pt", pick(null, "pt-PT"));
    assertEquals("pt", pick(null, "pt-AO"));
    assertEquals("pt-BR", pick(null, "pt-br"));
    assertEquals("es-419", pick(null, "es-MX"));
    assertEquals("es-419", pick(null, "es-AR"));
    assertEquals("es-419", pick(null, "es-US"));
    assertEquals("es", pick(null, "es-ES"));
    assertEquals("fr", pick(null, "fr-BE"));
    assertEquals("fr-CA", pick(null, "fr-CA"));
    assertEquals("it", pick(null, "it-CH"));
    assertEquals("sv", pick(null, "sv-FI"));
    assertEquals("en", pick(null, "en-US"));
    assertEquals("en-GB", pick(null, "en-AU"));
    assertEquals("en-GB", pick(null, "en-ZA"));
  }

  @Test
  void chineseIsChosenByScriptAndRegion() {
    assertEquals("zh", pick(null, "zh"));
    assertEquals("zh", pick(null, "zh-CN"));
    assertEquals("zh", pick(null, "zh-SG"));
    assertEquals("zh", pick(null, "zh-Hans"));
    assertEquals("zh", pick(null, "zh-Hans-HK"));
    assertEquals("zh-TW", pick(null, "zh-TW"));
    assertEquals("zh-TW", pick(null, "zh-Hant"));
    assertEquals("zh-TW", pick(null, "zh-Hant-TW"));
    assertEquals("zh-HK", pick(null, "zh-HK"));
    assertEquals("zh-HK", pick(null, "zh-Hant-HK"));
    assertEquals("zh-HK", pick(null, "zh-MO"));
  }

  @Test
  void oldAndSisterCodesBrowsersSend() {
    assertEquals("nb", pick(null, "no"));
    assertEquals("nb", pick(null, "nb-NO"));
    assertEquals("nb", pick(null, "nn-NO"));
    assertEquals("fil", pick(null, "tl"));
    assertEquals("id", pick(null, "in"));
    assertEquals("id", pick(null, "id-ID"));
    assertEquals("pt-BR", pick(null, "pt_BR"));
  }

  @Test
  void qualityValuesOrderThePreferences() {
    assertEquals("ja", pick(null, "en;q=0.5, ja"));
    assertEquals("de", pick(null, "fr;q=0.8, de;q=0.9, en;q=0.1"));
    assertEquals("fr", pick(null, "fr;q=0.8, de;q=0.8")); // a tie keeps the header's order
    assertEquals("it", pick(null, "ar, he;q=0.9, it;q=0.5")); // languages we lack are skipped
    assertEquals("en", pick(null, "de;q=0, ar"));            // q=0 means "not this one"
    assertEquals("ko", pick(null, "*, ko;q=0.1"));
    assertEquals(List.of("ja", "en-US", "en"), LocaleNegotiation.acceptLanguage("en;q=0.7, ja, en-US;q=0.8, de;q=0"));
  }

  @Test
  void aBadHeaderNeverFails() {
    assertEquals("en", pick(null, ";;;,,,q=1"));
    assertEquals("en", pick(null, "de;q=abc"));    // an unreadable q counts as 0
    assertEquals("en", pick(null, "de;q=1.5"));
    assertEquals("en", pick(null, "x".repeat(100_000)));
    assertEquals("de", pick(null, "de;q=0.9;foo=bar"));
    assertEquals("en", pick(null, "ar,".repeat(40) + "de")); // only the first 32 ranges count
    assertEquals(Optional.empty(), LocaleNegotiation.resolve("de_<script>"));
  }

  @Test
  void aSessionLocaleWeCannotServeGivesWayToTheCustomerAndTheBrowser() {
    assertEquals("ja", pick("ar", "ja"));
    assertEquals("nl", LocaleNegotiation.pick("auto", List.of("he", "nl-BE"), "ja"));
    assertEquals("ja", LocaleNegotiation.pick(null, null, "ja"));
    assertEquals("de", LocaleNegotiation.pick("de", List.of("nl"), "ja"));
  }
}
