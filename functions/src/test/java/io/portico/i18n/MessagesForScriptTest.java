package io.portico.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue as the hosted page's script receives it: every key, plural messages with their forms. */
class MessagesForScriptTest {
  @Test
  void everyKeyWithItsPlaceholdersAndEachPluralForm() {
    for (String tag : LocaleNegotiation.SUPPORTED) {
      Messages m = Messages.forLocale(tag);
      Map<String, Object> script = m.forScript();
      assertEquals(m.keys(), script.keySet(), tag);
      Map<?, ?> forms = assertInstanceOf(Map.class, script.get("subscription.trial_days_left"), tag);
      assertEquals(PluralRules.categories(tag).stream().map(PluralRules.Category::key).collect(java.util.stream.Collectors.toSet()),
          forms.keySet(), tag + ": one text per plural category of the language");
    }
    assertEquals("Next charge: {amount} on {date}", Messages.forLocale("en").forScript().get("subscription.next_charge"));
  }
}
