package se.samverka.gateway.portal.start;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The open datasets as reporting-service lists them ({@code GET /api/open-data/datasets}), named in the reader's
 * language, for the start page to link their files and the catalogue through the gateway.
 */
record OpenData(List<Dataset> datasets) {

    /**
     * @param id          the name of its files, {@code /api/open-data/datasets/<id>.csv} and {@code .json}
     * @param description null where the listing gives none
     * @param licence     its name, e.g. CC0 1.0; null where the listing names none
     * @param licenceUrl  where it is written; null where the listing gives no address
     */
    record Dataset(String id, String title, String description, String licence, String licenceUrl) {
    }

    /** Only ids that make a file's name as they are: an id goes into the page's links. */
    private static final String ID = "[A-Za-z0-9_-]+";

    /**
     * Reads the listing, an array or an object with {@code datasets}; each title and description either an object of
     * languages ({@code {"sv": ..., "en": ...}}) or a text with its English beside it ({@code titleEn}).
     */
    static OpenData of(JsonNode listing, Locale locale) {
        JsonNode datasets = listing.isArray() ? listing : listing.path("datasets");
        List<Dataset> read = new ArrayList<>();
        for (JsonNode dataset : datasets) {
            String id = text(dataset.path("id"));
            if (id == null || !id.matches(ID)) {
                continue;
            }
            String title = inLanguage(dataset, "title", locale);
            JsonNode licence = dataset.has("licence") ? dataset.path("licence") : dataset.path("license");
            String licenceName = licence.isObject() ? first(licence, "name", "title", "id") : text(licence);
            String licenceUrl = licence.isObject() ? first(licence, "url", "uri", "href")
                    : licenceName != null && licenceName.startsWith("https://") ? licenceName : null;
            read.add(new Dataset(id, title == null ? id : title, inLanguage(dataset, "description", locale),
                    licenceName, licenceUrl));
        }
        return new OpenData(List.copyOf(read));
    }

    private static String inLanguage(JsonNode dataset, String field, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        JsonNode value = dataset.path(field);
        if (value.isObject()) {
            String chosen = english ? text(value.path("en")) : null;
            return chosen != null ? chosen : text(value.path("sv"));
        }
        String chosen = english ? text(dataset.path(field + "En")) : null;
        return chosen != null ? chosen : text(value);
    }

    private static String first(JsonNode object, String... fields) {
        return Stream.of(fields).map(field -> text(object.path(field))).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
