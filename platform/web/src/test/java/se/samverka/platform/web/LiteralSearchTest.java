package se.samverka.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiteralSearchTest {

    @ParameterizedTest
    @ValueSource(strings = {".*", "a+b", "(((", "[", "\\", "\\E.*\\Q", "$where", "^Sanok$", "{1,3}", "a|b", "?",
            "\u0000", "x\u0000y", "%00", "😀", "\u200f", "\\x{41}", "}", "#", " ", "\t"})
    void findsAnyTermLiterallyAndNothingElse(String term) {
        Pattern pattern = LiteralSearch.containing("x" + term + "y").orElseThrow();
        assertThat(pattern.matcher("before x" + term + "y after").find()).isTrue();
        assertThat(pattern.matcher("before xy after").find()).isFalse();
        assertThat(pattern.matcher("xAy xby").find()).isFalse();
    }

    @Test
    void noCharacterOtherThanLettersAndDigitsReachesTheExpressionAsItself() {
        String regex = LiteralSearch.literal("a.b\u0000c(d)😀e");
        assertThat(regex).isEqualTo("a\\x{2e}b\\x{0}c\\x{28}d\\x{29}\\x{1f600}e");
        assertThat(regex).doesNotContain("\u0000");
    }

    @Test
    void anyGeneratedTermIsFoundLiterallyInsideAnyText() {
        Random random = new Random(9457);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder term = new StringBuilder();
            int length = 1 + random.nextInt(6);
            while (term.length() < length) {
                term.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x3000));
            }
            if (term.toString().isBlank() || term.toString().codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF)) {
                continue;
            }
            String text = "«" + term + "»";
            Pattern pattern = LiteralSearch.containing(term.toString()).orElseThrow();
            assertThat(pattern.matcher(text).find()).as("term %s", term.codePoints().mapToObj(Integer::toHexString).toList())
                    .isTrue();
        }
    }

    @Test
    void ignoresCaseInAnyAlphabetAndTheTermsOuterSpace() {
        Pattern pattern = LiteralSearch.containing("  ÖSTERSUND ").orElseThrow();
        assertThat(pattern.matcher("Vänort Östersund-Sanok").find()).isTrue();
        assertThat(LiteralSearch.containing("åRE").orElseThrow().matcher("Åre kommun").find()).isTrue();
    }

    @Test
    void anUnpairedSurrogateIsSearchedAsTheReplacementCharacter() {
        assertThat(LiteralSearch.literal("a\ud800")).isEqualTo("a\\x{fffd}");
        assertThat(LiteralSearch.containing("\udc00").orElseThrow().matcher("x\ufffdy").find()).isTrue();
    }

    @Test
    void noTermOrABlankOneSearchesNothing() {
        assertThat(LiteralSearch.containing(null)).isEmpty();
        assertThat(LiteralSearch.containing(" \t ")).isEmpty();
    }
}
