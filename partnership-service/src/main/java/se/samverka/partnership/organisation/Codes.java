package se.samverka.partnership.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import se.samverka.platform.web.FieldProblem;

/**
 * The codes an organisation is described with, checked: ISO 3166-1 countries, ISO 3166-2 regions (against the
 * list in {@code reference/iso-3166-2.csv} for the countries it covers, by form elsewhere), NUTS codes, Swedish
 * organisation numbers (with their check digit) and web addresses. Countries and web addresses are checked alike
 * wherever else they are given (the funding calls' eligible countries and links).
 */
public final class Codes {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** NUTS uses EL for Greece where ISO uses GR. */
    private static final Map<String, String> NUTS_COUNTRY = Map.of("GR", "EL");
    /** The regions of the list, by code, with their names. */
    private static final Map<String, String> REGIONS = readRegions();
    private static final Set<String> COUNTRIES_WITH_REGION_LIST = countriesOf(REGIONS.keySet());

    private Codes() {
    }

    static List<FieldProblem> problems(OrganisationDetails details) {
        List<FieldProblem> problems = new ArrayList<>();
        String country = details.country();
        if (!isCountry(country)) {
            problems.add(new FieldProblem("country", "reason.country", country));
        }
        String region = details.region();
        if (region != null) {
            if (!region.startsWith(country + "-")) {
                problems.add(new FieldProblem("region", "reason.region.country", region, country));
            } else if (!isRegion(region)) {
                problems.add(new FieldProblem("region", "reason.region.code", region, country));
            }
        }
        String nuts = details.nutsCode();
        if (nuts != null && !nuts.startsWith(NUTS_COUNTRY.getOrDefault(country, country))) {
            problems.add(new FieldProblem("nutsCode", "reason.nuts", nuts, country));
        }
        String number = details.organisationNumber();
        if (number != null && country.equals("SE") && !isSwedishOrganisationNumber(number)) {
            problems.add(new FieldProblem("organisationNumber", "reason.organisation-number", number));
        }
        if (details.website() != null && !isWebAddress(details.website())) {
            problems.add(new FieldProblem("website", "reason.website"));
        }
        return problems;
    }

    /** An ISO 3166-1 alpha-2 code. */
    public static boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }

    /**
     * An ISO 3166-2 code of a country: in the list where it covers the country, of the form {@code CC-X} to
     * {@code CC-XXX} elsewhere.
     */
    public static boolean isRegion(String code) {
        if (code == null || !code.matches("[A-Z]{2}-[A-Z0-9]{1,3}")) {
            return false;
        }
        return !COUNTRIES_WITH_REGION_LIST.contains(code.substring(0, 2)) || REGIONS.containsKey(code);
    }

    /** The region's name as the list has it, or its code where the list does not. */
    public static String regionName(String code) {
        return REGIONS.getOrDefault(code, code);
    }

    /** Ten digits, the last a Luhn check digit, written NNNNNN-NNNN. */
    static boolean isSwedishOrganisationNumber(String number) {
        if (!number.matches("\\d{6}-\\d{4}")) {
            return false;
        }
        String digits = number.replace("-", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            int weighted = i % 2 == 0 ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return sum % 10 == 0;
    }

    /** An absolute https:// or http:// address with a host. */
    public static boolean isWebAddress(String website) {
        try {
            URI uri = new URI(website);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Map<String, String> readRegions() {
        Map<String, String> regions = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Codes.class.getClassLoader().getResourceAsStream("reference/iso-3166-2.csv"), StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("code,"))
                    .forEach(line -> regions.put(line.substring(0, line.indexOf(',')),
                            line.substring(line.indexOf(',') + 1).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(regions);
    }

    private static Set<String> countriesOf(Set<String> regions) {
        Set<String> countries = new HashSet<>();
        regions.forEach(region -> countries.add(region.substring(0, 2)));
        return Set.copyOf(countries);
    }
}
