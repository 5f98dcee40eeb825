package se.samverka.partnership.broker.matching;

import java.util.List;

/**
 * A part of a reason that is put into words only in the reader's language ({@link ReasonWords}): the matcher never
 * needs to know who reads it.
 */
public sealed interface Word {

    /** A name, with its English form where it has one. */
    record Name(String sv, String en) implements Word {

        public static Name of(String name) {
            return new Name(name, null);
        }

        String in(boolean english) {
            return english && en != null && !en.isBlank() ? en : sv;
        }
    }

    /** A code (a theme, a sector, a purpose, a kind of organisation) as a word of the bundles: {@code prefix.code}. */
    record Term(String prefix, String code) implements Word {
    }

    /** A number, e.g. of days, written as the reader's language writes numbers. */
    record Count(int value) implements Word {
    }

    /** An ISO 3166-1 alpha-2 country, named in the reader's language. */
    record Country(String code) implements Word {
    }

    /** An ISO 3166-2 region, named as the directory's list names it. */
    record Region(String code) implements Word {
    }

    /** Several words, joined. */
    record Several(List<Word> words) implements Word {

        public Several {
            words = List.copyOf(words);
        }
    }
}
