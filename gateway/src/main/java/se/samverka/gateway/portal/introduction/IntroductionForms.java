package se.samverka.gateway.portal.introduction;

import java.util.function.Function;
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
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import tools.jackson.databind.node.ObjectNode;

/**
 * The forms of an introduction's page that answer for a side and record an outcome. Each sends the change to
 * partnership-service as the reader, with the version the page was opened at; back on the page, what the service
 * refused (an answer already given, an introduction declined, a project missing, a version conflict) is shown at the
 * form that sent it.
 */
@Controller
class IntroductionForms {

    private final Downstream downstream;
    private final Callers callers;
    private final IntroductionPage page;

    IntroductionForms(Downstream downstream, Callers callers, IntroductionPage page) {
        this.downstream = downstream;
        this.callers = callers;
        this.page = page;
    }

    /** A side's answer: its own organisation's by default, the named one for the coordinator on its behalf. */
    @PostMapping("/introductions/{id:" + PageForms.ID + "}/answers")
    Mono<Rendering> answer(@PathVariable String id, ServerWebExchange exchange) {
        return send(exchange, id, "/answers", form -> {
            ObjectNode body = Forms.object();
            Forms.texts(body, form, "organisationId", "answer");
            return body;
        }, form -> "answers-" + form.getFirst("side"));
    }

    @PostMapping("/introductions/{id:" + PageForms.ID + "}/outcomes")
    Mono<Rendering> outcome(@PathVariable String id, ServerWebExchange exchange) {
        return send(exchange, id, "/outcomes", form -> {
            ObjectNode body = Forms.object();
            Forms.texts(body, form, "outcome", "outcomeOn", "projectId", "note");
            return body;
        }, form -> "outcomes");
    }

    /**
     * @param body the body the form's fields make
     * @param name the form on the page ({@link PageForms})
     */
    private Mono<Rendering> send(ServerWebExchange exchange, String id, String path,
                                 Function<MultiValueMap<String, String>, ObjectNode> body,
                                 Function<MultiValueMap<String, String>, String> name) {
        return Mono.zip(callers.current(exchange), exchange.getFormData()).flatMap(both -> {
            Caller caller = both.getT1();
            MultiValueMap<String, String> form = both.getT2();
            return downstream.call(Service.PARTNERSHIP, caller, Request.change(HttpMethod.POST,
                            "/api/introductions/" + id + path, form.getFirst("version"), body.apply(form)))
                    .flatMap(answer -> answer.ok() ? Forms.redirect("/introductions/" + id)
                            : page.render(caller, id, PageForms.refused(name.apply(form), answer,
                                    form.toSingleValueMap()), answer.status()));
        }).onErrorResume(ProblemPage::of);
    }
}
