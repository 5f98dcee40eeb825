package se.samverka.gateway.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Callers;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/views")
@Tag(name = "Views", description = "Composed from several services as the caller; optional parts that could not be "
        + "read are named in degraded.")
class ViewsController {

    private final Callers callers;
    private final Views views;
    private final PersonalDataViews personalData;

    ViewsController(Callers callers, Views views, PersonalDataViews personalData) {
        this.callers = callers;
        this.views = views;
        this.personalData = personalData;
    }

    @GetMapping("/accounts/{id}/personal-data")
    @Operation(summary = "Everything kept about the person with this account (GDPR art. 15)",
            description = "ADMIN only: the identity provider's account and log, and every history entry in "
                    + "partnership-service and project-service that names the person; 503 when a part cannot be read.")
    Mono<ResponseEntity<JsonNode>> personalData(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> personalData.export(caller, id))
                .map(export -> ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"personal-data-" + id + ".json\"").body(export));
    }

    @PostMapping("/accounts/{id}/erasure")
    @Operation(summary = "Erase the person with this account (GDPR art. 17)",
            description = "ADMIN only, with If-Match of the account: the histories first name the person's role and "
                    + "organisation instead, then the provider erases the account. A failure stops before the account "
                    + "is erased; a retry is safe.")
    Mono<ResponseEntity<JsonNode>> erase(@PathVariable String id,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> personalData.erase(caller, id, ifMatch))
                .map(answer -> ResponseEntity.status(answer.status())
                        .contentType(answer.ok() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON)
                        .body(answer.body()));
    }

    @GetMapping("/projects/{id}")
    @Operation(summary = "A project with its partners' organisations, its partnerships and its figures",
            description = "404 when the project does not exist or is hidden from the caller; 503 when "
                    + "project-service cannot be read.")
    Mono<ProjectView> project(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> views.project(id, caller));
    }

    @GetMapping("/partnerships/{id}")
    @Operation(summary = "A partnership with its parties' organisations and its linked projects")
    Mono<PartnershipView> partnership(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> views.partnership(id, caller));
    }

    @GetMapping("/dashboard")
    @Operation(summary = "The staff dashboard: portfolio, my organisation's projects, latest activity",
            description = "ADMIN and STAFF only; 503 when no part could be read.")
    Mono<DashboardView> dashboard(ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(views::dashboard);
    }

    @GetMapping("/partner/projects")
    @Operation(summary = "The shared project catalogue",
            description = "The filters are project-service's; it shows each caller what its role may read.")
    Mono<CatalogueView> catalogue(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) String health,
                                  @RequestParam(required = false) String strategy,
                                  @RequestParam(required = false) String growthArea,
                                  @RequestParam(required = false) String country,
                                  @RequestParam(required = false) String programme,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort,
                                  ServerWebExchange exchange) {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "status", status);
        put(filters, "health", health);
        put(filters, "strategy", strategy);
        put(filters, "growthArea", growthArea);
        put(filters, "country", country);
        put(filters, "programme", programme);
        put(filters, "year", year);
        put(filters, "q", q);
        put(filters, "page", page);
        put(filters, "size", size);
        put(filters, "sort", sort);
        return callers.current(exchange).flatMap(caller -> views.catalogue(filters, caller));
    }

    private static void put(Map<String, String> filters, String name, Object value) {
        if (value != null) {
            filters.put(name, value.toString());
        }
    }
}
