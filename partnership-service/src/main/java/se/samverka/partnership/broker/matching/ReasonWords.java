package se.samverka.partnership.broker.matching;

import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import se.samverka.partnership.organisation.Codes;

/**
 * Puts a match's reasons into words of the reader's language, from the texts {@code match.reason.<code>} of the
 * service's bundles. A term without a word in the bundles is written as its code in lower case ("foreign city"), which
 * is how English reads most of them.
 */
public final class ReasonWords {

    private final MessageSource messages;

    public ReasonWords(MessageSource messages) {
        this.messages = messages;
    }

    public String text(MatchReason reason, Locale locale) {
        Object[] words = reason.words().stream().map(word -> word(word, locale)).toArray();
        return messages.getMessage("match.reason." + reason.code(), words, reason.code(), locale);
    }

    /** A word as text; a count as a number, which the text formats in the reader's language. */
    private Object word(Word word, Locale locale) {
        if (word instanceof Word.Count count) {
            return count.value();
        }
        if (word instanceof Word.Name name) {
            return name.in(!"sv".equals(locale.getLanguage()));
        }
        if (word instanceof Word.Term term) {
            return messages.getMessage(term.prefix() + "." + term.code(), null,
                    term.code().toLowerCase(Locale.ROOT).replace('_', ' '), locale);
        }
        if (word instanceof Word.Country country) {
            return new Locale("", country.code()).getDisplayCountry(locale);
        }
        if (word instanceof Word.Region region) {
            return Codes.regionName(region.code());
        }
        return ((Word.Several) word).words().stream().map(each -> String.valueOf(word(each, locale)))
                .collect(Collectors.joining(", "));
    }
}
