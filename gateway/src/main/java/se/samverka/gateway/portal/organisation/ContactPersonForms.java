package se.samverka.gateway.portal.organisation;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import tools.jackson.databind.node.ObjectNode;

/**
 * The forms of an organisation's page that add, change and erase its contact persons. Each sends the change to
 * partnership-service as the reader; back on the page, what the service refused is shown at the form that sent it.
 */
@Controller
class ContactPersonForms {

    /** The forms' names on the page ({@link PageForms}): adding is {@code contact-persons}, a change adds the id. */
    private static final String FORMS = "contact-persons";

    private final Downstream downstream;
    private final Callers callers;
    private final OrganisationPage page;

    ContactPersonForms(Downstream downstream, Callers callers, OrganisationPage page) {
        this.downstream = downstream;
        this.callers = callers;
        this.page = page;
    }

    @PostMapping("/organisations/{id:" + PageForms.ID + "}/contact-persons")
    Mono<Rendering> add(@PathVariable String id, ServerWebExchange exchange) {
        return send(exchange, id, HttpMethod.POST, "/api/organisations/" + id + "/contact-persons", FORMS, true);
    }

    /** A person's details changed, with the version of the person the form was opened at. */
    @PostMapping("/organisations/{id:" + PageForms.ID + "}/contact-persons/{person:" + PageForms.ID + "}")
    Mono<Rendering> change(@PathVariable String id, @PathVariable String person, ServerWebExchange exchange) {
        return send(exchange, id, HttpMethod.PUT, "/api/contact-persons/" + person, FORMS + "-" + person, true);
    }

    /** Erasure (GDPR art. 17): a form's POST, since a browser sends no DELETE. */
    @PostMapping("/organisations/{id:" + PageForms.ID + "}/contact-persons/{person:" + PageForms.ID + "}/delete")
    Mono<Rendering> erase(@PathVariable String id, @PathVariable String person, ServerWebExchange exchange) {
        return send(exchange, id, HttpMethod.DELETE, "/api/contact-persons/" + person, "remove-" + FORMS + "-" + person,
                false);
    }

    /**
     * @param name     the form on the page
     * @param withBody whether the form sends the person's details
     */
    private Mono<Rendering> send(ServerWebExchange exchange, String id, HttpMethod method, String path, String name,
                                 boolean withBody) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            ObjectNode body = withBody ? OrganisationForm.contactPerson(form) : null;
            return downstream.call(Service.PARTNERSHIP, caller,
                            Request.change(method, path, form.getFirst("version"), body))
                    .flatMap(answer -> answer.ok()
                            ? OrganisationForms.redirect(id)
                            : page.render(caller, id, PageForms.refused(name, answer, form.toSingleValueMap()),
                                    answer.status()));
        }).onErrorResume(ProblemPage::of);
    }
}
