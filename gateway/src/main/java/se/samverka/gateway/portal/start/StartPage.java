package se.samverka.gateway.portal.start;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Answer;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.ListFilters;
import se.samverka.gateway.portal.PublicProject;
import se.samverka.gateway.portal.map.CountryMap;
import se.samverka.gateway.portal.map.WorldMap;
import se.samverka.gateway.views.CatalogueView;
import se.samverka.gateway.views.Views;
import tools.jackson.databind.JsonNode;

/**
 * The public start page: the municipality's PUBLIC international projects, searchable, on a world map with the PUBLIC
 * partnerships, and the open datasets with their catalogue, for anyone, without login. It asks every service as an
 * anonymous caller whoever is signed in, and keeps only what is marked PUBLIC, so it shows exactly the open data;
 * signed-in readers have their own pages.
 *
 * <p>The map counts every PUBLIC project and partnership, so the page reads them all (pages of the largest size: a
 * municipality's public work is a few hundred things at most) and searches the projects itself.
 */
@Controller
class StartPage {

    private static final List<String> FILTERS = List.of("q", "theme", "status", "country");
    /** The lifecycle's statuses in its order, of which the filter offers those the PUBLIC projects are in. */
    private static final List<String> STATUSES = List.of("IDEA", "PRE_STUDY", "APPLICATION_DRAFT", "SUBMITTED",
            "APPROVED", "ONGOING", "SUSPENDED", "FINAL_REPORTED", "CLOSED", "REJECTED", "WITHDRAWN", "CANCELLED");
    /** The projects the page shows at most: the others are found by searching, or in the project list. */
    private static final int SHOWN = 50;
    /** The largest page the services give. */
    private static final int PAGE = 200;
    private static final String PUBLIC = "PUBLIC";

    /**
     * A country the PUBLIC projects reach, for the filter.
     *
     * @param name in the reader's language
     */
    record Country(String code, String name) {
    }

    private final Views views;
    private final Downstream downstream;
    private final WorldMap world;

    StartPage(Views views, Downstream downstream, WorldMap world) {
        this.views = views;
        this.downstream = downstream;
        this.world = world;
    }

    @GetMapping("/")
    Mono<Rendering> start(@RequestParam Map<String, String> parameters, Locale locale) {
        Map<String, String> filters = ListFilters.chosen(parameters, FILTERS);
        return Mono.zip(projects(), partnerships(), homeCountry(), openData(locale)).map(found -> {
            Rendering.Builder<?> page = Rendering.view("start")
                    .modelAttribute("filters", filters)
                    .modelAttribute("themes", Forms.THEMES)
                    .modelAttribute("openData", found.getT4().orElse(null));
            Optional<List<JsonNode>> projects = found.getT1();
            if (projects.isEmpty()) {
                // The page still opens and says so: a reader gets a sentence, not an error document.
                return page.modelAttribute("projects", List.of()).modelAttribute("unavailable", true)
                        .status(HttpStatus.SERVICE_UNAVAILABLE).build();
            }
            List<JsonNode> all = projects.get();
            List<JsonNode> matching = all.stream().filter(PublicSearch.of(filters)::matches).toList();
            return page.modelAttribute("projects", matching.stream().limit(SHOWN)
                            .map(project -> PublicProject.of(project, locale)).toList())
                    .modelAttribute("total", all.size())
                    .modelAttribute("found", matching.size())
                    .modelAttribute("shown", SHOWN)
                    .modelAttribute("statuses", STATUSES.stream()
                            .filter(status -> all.stream().anyMatch(project -> status.equals(text(project, "status"))))
                            .toList())
                    .modelAttribute("countries", countries(all, locale))
                    .modelAttribute("map", found.getT2().map(partnerships -> CountryMap.of(CountryMap.counted(all),
                            CountryMap.counted(partnerships), found.getT3().orElse(null), world, locale)).orElse(null))
                    .build();
        });
    }

    /** Every PUBLIC project, from the open catalogue; empty when project-service cannot be read. */
    private Mono<Optional<List<JsonNode>>> projects() {
        return views.catalogue(page(0), Caller.ANONYMOUS)
                .expand(catalogue -> catalogue.page().number() + 1 < catalogue.page().totalPages()
                        ? views.catalogue(page(catalogue.page().number() + 1), Caller.ANONYMOUS) : Mono.empty())
                .flatMapIterable(CatalogueView::items)
                .filter(StartPage::isPublic)
                .collectList()
                .map(Optional::of)
                .onErrorReturn(Optional.empty());
    }

    /** A page of the open catalogue, of the largest size. */
    private static Map<String, String> page(int number) {
        Map<String, String> page = new LinkedHashMap<>();
        page.put("size", Integer.toString(PAGE));
        if (number > 0) {
            page.put("page", Integer.toString(number));
        }
        return page;
    }

    /** Every PUBLIC partnership of the register, for the map; empty when partnership-service cannot be read. */
    private Mono<Optional<List<JsonNode>>> partnerships() {
        String path = "/api/partnerships?size=" + PAGE;
        return read(Service.PARTNERSHIP, path)
                .expand(answer -> {
                    int next = answer.body().path("page").asInt() + 1;
                    return answer.ok() && next < answer.body().path("totalPages").asInt()
                            ? read(Service.PARTNERSHIP, path + "&page=" + next) : Mono.empty();
                })
                .collectList()
                .map(answers -> answers.stream().allMatch(Answer::ok)
                        ? Optional.of(answers.stream().flatMap(answer -> answer.body().path("items").valueStream())
                                .filter(StartPage::isPublic).toList())
                        : Optional.<List<JsonNode>>empty());
    }

    /**
     * The municipality's own country, drawn apart on the map as on the dashboard: the country of its strategy's county
     * (SE-Z: SE), as the reports take it.
     */
    private Mono<Optional<String>> homeCountry() {
        return read(Service.PROJECT, "/api/reference").map(answer -> Optional.ofNullable(
                        text(answer.body().path("strategy").path("county"), "region"))
                .filter(region -> region.matches("[A-Z]{2}-.*"))
                .map(region -> region.substring(0, 2)));
    }

    /** The open datasets; empty when reporting-service cannot be read, and the page says so. */
    private Mono<Optional<OpenData>> openData(Locale locale) {
        return read(Service.REPORTING, "/api/open-data/datasets")
                .map(answer -> answer.ok() ? Optional.of(OpenData.of(answer.body(), locale)) : Optional.empty());
    }

    /** As anyone, never waiting longer than for a view's leg: the page does without what is late. */
    private Mono<Answer> read(Service service, String path) {
        return downstream.leg(service, Caller.ANONYMOUS, Request.get(path));
    }

    /** Only what is marked PUBLIC, whatever a service gave an anonymous caller. */
    private static boolean isPublic(JsonNode item) {
        return PUBLIC.equals(text(item, "visibility"));
    }

    /** The countries the PUBLIC projects reach, by name in the reader's language. */
    private static List<Country> countries(List<JsonNode> projects, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return projects.stream().flatMap(project -> project.path("countries").valueStream())
                .map(country -> country.asString("")).filter(country -> country.matches("[A-Z]{2}")).distinct()
                .map(country -> new Country(country, new Locale("", country).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).asString() : null;
    }
}
