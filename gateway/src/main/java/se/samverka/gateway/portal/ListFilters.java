package se.samverka.gateway.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriUtils;

/** The filters a list or report page passes on to a service: those the page knows, as the reader gave them. */
public final class ListFilters {

    private ListFilters() {
    }

    /** The named filters the reader filled in, trimmed, in the order named; empty ones are no filter. */
    public static Map<String, String> chosen(Map<String, String> parameters, List<String> names) {
        Map<String, String> filters = new LinkedHashMap<>();
        names.stream().filter(name -> StringUtils.hasText(parameters.get(name)))
                .forEach(name -> filters.put(name, parameters.get(name).strip()));
        return filters;
    }

    /** A service's path with the filters added to its query, encoded. */
    public static String query(String path, Map<String, String> filters) {
        if (filters.isEmpty()) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + filters.entrySet().stream()
                .map(filter -> filter.getKey() + "=" + UriUtils.encodeQueryParam(filter.getValue(), "UTF-8"))
                .collect(Collectors.joining("&"));
    }
}
