package se.samverka.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Östersunds kommun", "Vänort Jilin 吉林省", "מַחְבָּרֶת", "\u200fRTL\u202e mark",
            "emoji 😀 and a family 👩‍👩‍👧", "e\u0301", "\ufeffBOM", "line\u2028separator",
            "A description\r\nover two lines\tand a tab", "'; DROP TABLE", "{\"$gt\": \"\"}", "\uFFFF"})
    void acceptsAnyUnicodeTextWithTabsAndLineBreaks(String text) {
        assertThat(TextCheck.problem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0080",
            "\u0085", "\u009f"})
    void refusesEveryOtherControlCharacterAndNamesIt(String control) {
        assertThat(TextCheck.problem("Sanok" + control))
                .contains(Reason.of("reason.control-character", String.format("U+%04X", (int) control.charAt(0)), 6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "\udbff", "\udc00", "\udfff"})
    void refusesAnUnpairedSurrogateWhereverItStands(String surrogate) {
        String code = String.format("U+%04X", (int) surrogate.charAt(0));
        for (String text : List.of(surrogate, "a" + surrogate, surrogate + "a", surrogate + surrogate + "b")) {
            assertThat(TextCheck.problem(text)).as(text).hasValueSatisfying(reason -> {
                assertThat(reason.key()).isEqualTo("reason.unpaired-surrogate");
                assertThat(reason.arguments().get(0)).isEqualTo(code);
            });
        }
        assertThat(TextCheck.problem("\udc00\ud800")).contains(Reason.of("reason.unpaired-surrogate", "U+DC00", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"😀", "\ud83d\ude00"})
    void countsPositionsInCharactersSoAPairIsOne(String emoji) {
        assertThat(TextCheck.problem(emoji + emoji + "\u0000"))
                .contains(Reason.of("reason.control-character", "U+0000", 3));
    }
}
