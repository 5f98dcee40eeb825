package se.samverka.platform.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Why a request was refused, put into words only when the problem document is written, in the language the request
 * asked for (Accept-Language): the key of a text in the problem bundles (the service's {@code problems*.properties},
 * this library's {@code platform-problems*.properties}) and the values filled into it as {@code {0}}, {@code {1}}, ...
 * So the code that refuses never needs to know who reads the refusal.
 *
 * @param arguments numbers among them are written as they are, never grouped, because they are limits, years and
 *                  amounts a client compares; a {@link MessageSourceResolvable} among them (see {@link #term}) is put
 *                  into words too
 */
public record Reason(String key, List<Object> arguments) implements MessageSourceResolvable {

    private static final Logger log = LoggerFactory.getLogger(Reason.class);

    public Reason {
        Objects.requireNonNull(key, "key");
        List<Object> plain = new ArrayList<>(arguments.size());
        arguments.forEach(argument -> plain.add(plain(argument)));
        arguments = Collections.unmodifiableList(plain);
    }

    public static Reason of(String key, Object... arguments) {
        return new Reason(key, Arrays.asList(arguments));
    }

    /**
     * A code (a status, a type) as a word of the reader's language where the bundles have one ({@code prefix.code}),
     * else as the code itself: English readers of the API see the codes they send.
     */
    public static MessageSourceResolvable term(String prefix, String code) {
        return new DefaultMessageSourceResolvable(new String[] {prefix + "." + code}, code);
    }

    /**
     * The reason in words of this language. A key without a text is a mistake of ours, but the caller still gets its
     * problem document, with the key as its reason, rather than an internal error.
     */
    public String in(MessageSource messages, Locale locale) {
        try {
            return messages.getMessage(this, locale);
        } catch (NoSuchMessageException e) {
            log.warn("The problem bundles have no text for {} in {}", key, locale);
            return key;
        }
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return arguments.toArray();
    }

    private static Object plain(Object argument) {
        if (argument instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return argument instanceof Number ? argument.toString() : argument;
    }
}
