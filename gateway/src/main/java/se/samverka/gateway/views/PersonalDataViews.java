package se.samverka.gateway.views;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverka.gateway.Problems;
import se.samverka.gateway.downstream.Answer;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person's GDPR requests across the platform: the identity provider keeps the account, partnership-service and
 * project-service keep histories that name the staff member (who recorded a decision, reported a value). Access
 * (art. 15) gathers all three; erasure (art. 17) first replaces the name in the histories by the person's role and
 * organisation, then erases the account, so that a failure part-way leaves the account, and with it the name and
 * subject a retry needs. The services' erasures are idempotent, so a retry is safe.
 */
@Component
public class PersonalDataViews {

    /** The services that keep histories naming staff, each answering {@code /api/personal-data/staff}. */
    private static final List<Service> HISTORIES = List.of(Service.PARTNERSHIP, Service.PROJECT);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Downstream downstream;

    PersonalDataViews(Downstream downstream) {
        this.downstream = downstream;
    }

    /** Everything kept about the person with this account; 503 rather than an export that leaves a part out. */
    public Mono<JsonNode> export(Caller caller, String accountId) {
        requireCoordinator(caller);
        return leg("account", Service.IDENTITY, caller, Request.get("/api/accounts/{id}/personal-data", accountId))
                .map(PersonalDataViews::required)
                .flatMap(data -> {
                    JsonNode account = data.path("account");
                    return Flux.fromIterable(HISTORIES).flatMapSequential(service -> leg(service.id(), service, caller,
                                    Request.get("/api/personal-data/staff?subject={subject}&name={name}",
                                            account.path("username").asString(), account.path("name").asString())))
                            .map(PersonalDataViews::required)
                            .collectList()
                            .map(histories -> {
                                ObjectNode export = JSON.createObjectNode();
                                export.set("identityProvider", data);
                                export.putArray("histories").addAll(histories);
                                return export;
                            });
                });
    }

    /**
     * Erases the person's name from the histories, then the account (with the version the reader saw).
     *
     * @return the provider's answer to the account's erasure, or the refusal or failure that stopped it earlier
     */
    public Mono<Answer> erase(Caller caller, String accountId, String ifMatch) {
        requireCoordinator(caller);
        return downstream.leg(Service.IDENTITY, caller, Request.get("/api/accounts/{id}", accountId))
                .flatMap(account -> !account.ok() ? Mono.just(orUnavailable(account, "account"))
                        : replacement(caller, account.body()).flatMap(standIn -> eraseHistories(caller, account.body(),
                                standIn)).flatMap(stopped -> stopped.ok() ? downstream.call(Service.IDENTITY, caller,
                                new Request(HttpMethod.POST, "/api/accounts/{id}/erasure", List.of(accountId), ifMatch,
                                        null)) : Mono.just(stopped)));
    }

    /** Who stands in the histories for the person: their role and organisation (its name when it can be read). */
    private Mono<String> replacement(Caller caller, JsonNode account) {
        String role = account.path("role").asString();
        String organisationId = account.path("organisationId").asString(null);
        if (organisationId == null) {
            return Mono.just(role);
        }
        return downstream.leg(Service.PARTNERSHIP, caller, Request.get("/api/organisations/{id}", organisationId))
                .map(organisation -> role + ", " + (organisation.ok()
                        ? organisation.body().path("name").asString(organisationId) : organisationId));
    }

    /** The first history that could not be erased, or an OK answer when all were. */
    private Mono<Answer> eraseHistories(Caller caller, JsonNode account, String replacement) {
        ObjectNode request = JSON.createObjectNode()
                .put("subject", account.path("username").asString())
                .put("name", account.path("name").asString())
                .put("replacement", replacement);
        return Flux.fromIterable(HISTORIES).flatMapSequential(service -> downstream.leg(service, caller,
                                Request.change(HttpMethod.POST, "/api/personal-data/staff/erasure", null, request))
                        .map(answer -> orUnavailable(answer, service.id() + " histories")))
                .filter(answer -> !answer.ok())
                .next()
                .defaultIfEmpty(new Answer(HttpStatus.OK, JSON.createObjectNode(), null));
    }

    /** A service that gave no answer is unavailable, in a problem document the form or the API can show. */
    private static Answer orUnavailable(Answer answer, String what) {
        return answer.status() != null ? answer : new Answer(HttpStatus.SERVICE_UNAVAILABLE,
                JSON.valueToTree(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "Service unavailable", "The " + what + " could not be reached; nothing further was erased. "
                                + "Try again in a moment.")), null);
    }

    private Mono<Leg> leg(String name, Service service, Caller caller, Request request) {
        return downstream.leg(service, caller, request).map(answer -> new Leg(name, answer));
    }

    private static JsonNode required(Leg leg) {
        if (!leg.found()) {
            throw ViewProblem.from(leg);
        }
        return leg.answer().body();
    }

    private static void requireCoordinator(Caller caller) {
        if (caller.isAnonymous()) {
            throw ViewProblem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in", "A person's data needs a login.");
        }
        if (caller.role() != Role.ADMIN) {
            throw ViewProblem.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "A person's requests for their data are the coordinator's to answer.");
        }
    }
}
