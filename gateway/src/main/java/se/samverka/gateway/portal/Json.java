package se.samverka.gateway.portal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What the pages read of the services' JSON, as {@code ${@json.text(node)}}: the views pass the services' answers on
 * unchanged, and a page must tell an absent or null value from an empty one. Codes and numbers meant for machines
 * (country codes, amounts as {@code 120000.00}) are written here as a reader of the page's language reads them.
 */
@Component("json")
public class Json {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Stockholm"));

    /** The value as text (numbers as written); null when absent or null. */
    public String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null
                : node.isValueNode() ? node.asString() : node.toString();
    }

    /**
     * An instant ({@code 2026-11-28T13:05:00Z}) as a reader in Östersund reads the time, e.g. 2026-11-28 14:05; null
     * when absent, as written when it is no instant.
     */
    public String time(JsonNode node) {
        String text = text(node);
        try {
            return text == null ? null : TIME.format(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            return text;
        }
    }

    /** A money object ({@code {"amount":"100.00","currency":"SEK"}}) as a reader writes it; null when absent. */
    public String money(JsonNode node, Locale locale) {
        String amount = amount(node.path("amount"), locale);
        return amount == null ? null : amount + " " + text(node.path("currency"));
    }

    /**
     * An amount grouped and with the decimal sign of the reader's language, its decimals as given (an amount in SEK
     * keeps its öre), e.g. 120 000,00; null when absent.
     */
    public String amount(JsonNode node, Locale locale) {
        String text = text(node);
        return text == null ? null : format(new BigDecimal(text), locale);
    }

    /** A measure (a score, a percentage, an indicator's value) without decimals it does not need, e.g. 60 or 33,3. */
    public String number(JsonNode node, Locale locale) {
        String text = text(node);
        return text == null ? null : format(new BigDecimal(text).stripTrailingZeros(), locale);
    }

    private static String format(BigDecimal number, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Math.max(0, number.scale()));
        format.setMaximumFractionDigits(Math.max(0, number.scale()));
        return format.format(number);
    }

    /** An ISO 3166-1 alpha-2 code as the country's name in the reader's language, e.g. Norge; null when absent. */
    public String country(JsonNode code, Locale locale) {
        String text = text(code);
        return text == null ? null : new Locale("", text).getDisplayCountry(locale);
    }

    /** An array of country codes as their names, e.g. "Norge, Sverige". */
    public String countries(JsonNode codes, Locale locale) {
        List<String> names = new ArrayList<>();
        codes.forEach(code -> names.add(country(code, locale)));
        return names.stream().collect(Collectors.joining(", "));
    }

    /**
     * A funding programme's name in the reader's language, from the reference data's names by code
     * ({@code {"sv": ..., "en": ...}}); the code itself for a programme the reference data no longer lists.
     */
    public String programme(JsonNode code, Map<String, JsonNode> names, Locale locale) {
        String text = text(code);
        JsonNode name = names.get(text);
        return name == null ? text : text(name.path("en".equals(locale.getLanguage()) ? "en" : "sv"));
    }

    /**
     * A text the service keeps in Swedish and, optionally, English ({@code name} and {@code nameEn}): the English one
     * for a reader of English where there is one, else the Swedish.
     */
    public String inLanguage(JsonNode node, String field, Locale locale) {
        String english = "en".equals(locale.getLanguage()) ? text(node.path(field + "En")) : null;
        return english != null ? english : text(node.path(field));
    }

    /**
     * Codes of the reference data (growth areas) as their names in the reader's language, from the reference data's
     * list of {@code {"code": ..., "name": {"sv": ..., "en": ...}}}; a code it no longer lists as itself.
     */
    public String named(JsonNode codes, JsonNode reference, Locale locale) {
        Map<String, JsonNode> names = new HashMap<>();
        reference.forEach(item -> names.put(text(item.path("code")), item.path("name")));
        List<String> named = new ArrayList<>();
        codes.forEach(code -> named.add(programme(code, names, locale)));
        return String.join(", ", named);
    }

    /** The texts of an array's values, e.g. country codes. */
    public List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(text(element)));
        return texts;
    }

    public boolean has(JsonNode node) {
        return text(node) != null && !(node.isContainer() && node.isEmpty());
    }
}
