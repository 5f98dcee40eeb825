package se.samverka.gateway.portal;

import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Callers;

/**
 * The organisation directory: who the municipality works with, searchable by name, type and country, and an
 * organisation's page with the partnerships it is a party to and the projects it owns, as far as the reader may see
 * them.
 */
@Controller
class OrganisationPages {

    private final ServiceCalls services;
    private final Callers callers;

    OrganisationPages(ServiceCalls services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    @GetMapping("/organisations")
    Mono<Rendering> list(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        StringBuilder query = new StringBuilder("/api/organisations?size=200&sort=name");
        for (String filter : new String[] {"q", "type", "country"}) {
            if (StringUtils.hasText(parameters.get(filter))) {
                query.append('&').append(filter).append('=')
                        .append(UriUtils.encodeQueryParam(parameters.get(filter).strip(), "UTF-8"));
            }
        }
        return callers.current(exchange).flatMap(caller -> services.partnership(caller, query.toString())
                        .flatMap(reply -> !reply.ok() ? ProblemPage.of(reply.status())
                                : Mono.just(Rendering.view("organisations")
                                        .modelAttribute("page", reply.body())
                                        .modelAttribute("filters", parameters)
                                        .modelAttribute("mayRegister", OrganisationForm.mayRegister(caller))
                                        .build())))
                .onErrorResume(ProblemPage::of);
    }

    @GetMapping("/organisations/{id}")
    Mono<Rendering> organisation(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> Mono.zip(
                        services.partnership(caller, "/api/organisations/" + id),
                        services.partnership(caller, "/api/partnerships?size=100&party=" + id),
                        services.project(caller, HttpMethod.GET, "/api/projects?size=100&owner=" + id, null, null))
                .flatMap(replies -> !replies.getT1().ok() ? ProblemPage.of(replies.getT1().status())
                        : Mono.just(Rendering.view("organisation")
                                .modelAttribute("organisation", replies.getT1().body())
                                .modelAttribute("title", replies.getT1().body().path("name").asString())
                                .modelAttribute("partnerships", replies.getT2().body().path("items"))
                                .modelAttribute("projects", replies.getT3().body().path("items"))
                                .modelAttribute("mayChange", OrganisationForm.mayChange(caller, id))
                                .build())))
                .onErrorResume(ProblemPage::of);
    }
}
