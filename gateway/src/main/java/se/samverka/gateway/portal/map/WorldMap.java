package se.samverka.gateway.portal.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outline of every country (resources/map/world.json; its README says where it comes from), read once at start:
 * the pages only shade the outlines, so that drawing the map costs a page no parsing and no network.
 */
@Component
public class WorldMap {

    private static final String RESOURCE = "map/world.json";

    /**
     * @param country ISO 3166-1 alpha-2, upper case as the reports write it
     * @param path    SVG path data in the map's view box
     */
    record Outline(String country, String path) {
    }

    /** Where a country too small to be seen lies, in the map's view box. */
    record Dot(double x, double y) {
    }

    private final String viewBox;
    private final List<Outline> outlines;
    private final Map<String, Dot> dots;

    WorldMap(JsonMapper json) {
        JsonNode map;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            map = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The world map " + RESOURCE + " cannot be read", e);
        }
        List<Outline> read = new ArrayList<>();
        map.path("countries").properties()
                .forEach(country -> read.add(new Outline(country.getKey(), country.getValue().asString())));
        Map<String, Dot> centres = new HashMap<>();
        map.path("dots").properties().forEach(country -> centres.put(country.getKey(),
                new Dot(country.getValue().path(0).asDouble(), country.getValue().path(1).asDouble())));
        this.viewBox = map.path("viewBox").asString();
        this.outlines = List.copyOf(read);
        this.dots = Map.copyOf(centres);
    }

    String viewBox() {
        return viewBox;
    }

    List<Outline> outlines() {
        return outlines;
    }

    /** The small country's centre, if it is one. */
    Optional<Dot> dot(String country) {
        return Optional.ofNullable(dots.get(country));
    }
}
