package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import se.samverka.identity.account.AccountStore;
import se.samverka.identity.revocation.Revocation;
import tools.jackson.databind.JsonNode;

/**
 * The accounts API: who may do what (the access matrix), what it answers, and what it refuses, naming the field.
 */
class AccountsApiIT extends IdentityProviderTestSupport {

    private static final int OK = 200;
    private static final int CREATED = 201;
    /** No valid token, and the call needs one. */
    private static final int NONE = 401;
    /** The caller sees the account but may not do this. */
    private static final int NO = 403;
    /** The caller may not see the account: as if it did not exist. */
    private static final int HIDDEN = 404;

    /** The callers of the columns, as they stand to an account of org-ostersund. */
    enum Who {
        ANONYMOUS(null, null),
        ADMIN("admin", "demo-admin"),
        LEAD("lead", "demo-lead"),
        STAFF("staff", "demo-staff"),
        OTHER_LEAD("other-lead", "demo-other-lead"),
        COMPANY("company", "demo-company"),
        PARTNER("partner", "demo-partner");

        final String username;
        final String password;

        Who(String username, String password) {
            this.username = username;
            this.password = password;
        }
    }

    /**
     * @param call     what the caller does, given their token (null for none), answering the status
     * @param expected a status per column of {@link Who}, in its order
     */
    record Row(String endpoint, Function<AccountsApiIT, Function<String, Integer>> call, int... expected) {

        @Override
        public String toString() {
            return endpoint;
        }
    }

    @Autowired
    MongoOperations mongo;

    static Stream<Row> matrix() {
        return Stream.of(
                new Row("GET /api/accounts", it -> token -> it.status("GET", "/api/accounts", token, null),
                        NONE, OK, OK, NO, OK, NO, NO),
                new Row("GET /api/accounts?organisationId=org-ostersund", it -> token -> it.status("GET",
                        "/api/accounts?organisationId=" + OSTERSUND, token, null),
                        NONE, OK, OK, NO, NO, NO, NO),
                new Row("GET /api/accounts/me", it -> token -> it.status("GET", "/api/accounts/me", token, null),
                        NONE, OK, OK, OK, OK, OK, OK),
                new Row("GET /api/accounts/{staff}", it -> token -> it.status("GET",
                        "/api/accounts/" + it.staffId(), token, null),
                        NONE, OK, OK, OK, HIDDEN, HIDDEN, HIDDEN),
                new Row("GET /api/accounts/{staff}/log", it -> token -> it.status("GET",
                        "/api/accounts/" + it.staffId() + "/log", token, null),
                        NONE, OK, OK, OK, HIDDEN, HIDDEN, HIDDEN),
                new Row("GET /api/accounts/{staff}/personal-data", it -> token -> it.status("GET",
                        "/api/accounts/" + it.staffId() + "/personal-data", token, null),
                        NONE, OK, NO, OK, HIDDEN, HIDDEN, HIDDEN),
                new Row("POST /api/accounts/invitations STAFF", it -> token -> it.status("POST",
                        "/api/accounts/invitations", token, invitation("STAFF", OSTERSUND, false)),
                        NONE, CREATED, CREATED, NO, NO, NO, NO),
                new Row("POST /api/accounts/invitations COMPANY", it -> token -> it.status("POST",
                        "/api/accounts/invitations", token, invitation("COMPANY", OSTERSUND, false)),
                        NONE, CREATED, NO, NO, NO, NO, NO),
                new Row("POST /api/accounts/invitations STAFF lead", it -> token -> it.status("POST",
                        "/api/accounts/invitations", token, invitation("STAFF", OSTERSUND, true)),
                        NONE, CREATED, NO, NO, NO, NO, NO),
                new Row("POST /api/accounts/{colleague}/invitation", it -> token -> it.status("POST",
                        "/api/accounts/" + it.invited(false) + "/invitation", token, null),
                        NONE, CREATED, CREATED, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
                new Row("PUT /api/accounts/{colleague}", it -> token -> it.status("PUT",
                        "/api/accounts/" + it.invited(false), token, """
                                {"name":"Nils Nyare","organisationId":"org-ostersund","role":"STAFF","lead":false}""",
                        "If-Match", "\"1\""),
                        NONE, OK, NO, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
                new Row("POST /api/accounts/{colleague}/deactivation", it -> token -> it.status("POST",
                        "/api/accounts/" + it.invited(false) + "/deactivation", token, "{\"reason\":\"left\"}"),
                        NONE, OK, OK, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
                new Row("POST /api/accounts/{lead}/deactivation", it -> token -> it.status("POST",
                        "/api/accounts/" + it.invited(true) + "/deactivation", token, null),
                        NONE, OK, NO, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
                new Row("POST /api/accounts/{deactivated colleague}/reactivation", it -> token -> it.status("POST",
                        "/api/accounts/" + it.deactivated() + "/reactivation", token, null),
                        NONE, OK, OK, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
                new Row("POST /api/accounts/{staff}/password-reset", it -> token -> it.status("POST",
                        "/api/accounts/" + it.staffId() + "/password-reset", token, null),
                        NONE, CREATED, NO, NO, HIDDEN, HIDDEN, HIDDEN),
                new Row("POST /api/accounts/{colleague}/erasure", it -> token -> it.status("POST",
                        "/api/accounts/" + it.invited(false) + "/erasure", token, null),
                        NONE, OK, NO, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
                new Row("GET /api/machine-clients", it -> token -> it.status("GET", "/api/machine-clients", token,
                        null),
                        NONE, OK, NO, NO, NO, NO, NO),
                new Row("POST /api/machine-clients", it -> token -> it.status("POST", "/api/machine-clients", token,
                        "{\"name\":\"Ett system\",\"organisationId\":\"org-ostersund\",\"role\":\"STAFF\"}"),
                        NONE, CREATED, NO, NO, NO, NO, NO),
                new Row("GET /api/accounts/revocations", it -> token -> it.status("GET",
                        "/api/accounts/revocations", token, null),
                        OK, OK, OK, OK, OK, OK, OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void whoMayDoWhat(Row row) {
        List<String> wrong = new ArrayList<>();
        StringBuilder cells = new StringBuilder(row.endpoint());
        for (Who who : Who.values()) {
            int expected = row.expected()[who.ordinal()];
            int actual = row.call().apply(this).apply(token(who));
            cells.append(String.format("%n  %-10s %d%s", who, actual, actual == expected ? "" : " (not " + expected + ")"));
            if (actual != expected) {
                wrong.add(who + ": " + actual + ", not " + expected);
            }
        }
        assertThat(wrong).as("callers that were answered otherwise than the matrix says:%n%s", cells).isEmpty();
    }

    @Test
    void anInvitationAnswersTheAccountAndItsLinkOnceAndTheStoreKeepsOnlyTheLinksHash() {
        String email = newEmail();
        HttpResponse<String> response = api("POST", "/api/accounts/invitations", token(Who.ADMIN), """
                {"name":"Ingrid Inbjuden","email":"%s","organisationId":"org-ostersund","role":"STAFF"}"""
                .formatted(email.toUpperCase()));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response.body());
        JsonNode account = body.get("account");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/accounts/" + account.get("id").asString());
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(account.get("username").asString()).as("lower case").isEqualTo(email);
        assertThat(account.get("email").asString()).isEqualTo(email);
        assertThat(account.get("status").asString()).isEqualTo("INVITED");
        assertThat(account.get("lead").asBoolean()).isFalse();
        assertThat(account.get("secondFactor").asBoolean()).isFalse();
        assertThat(account.get("lastLoginAt").isNull()).isTrue();
        assertThat(account.get("version").asLong()).isEqualTo(1);
        JsonNode invitation = body.get("invitation");
        assertThat(invitation.get("link").asString()).startsWith(ISSUER + "/invitation/");
        assertThat(invitation.get("mailed").asBoolean()).isTrue();
        String token = invitation.get("link").asString().substring((ISSUER + "/invitation/").length());

        Document stored = mongo.findById(account.get("id").asString(), Document.class, AccountStore.COLLECTION);
        assertThat(stored.toJson()).doesNotContain(token).contains(Revocation.hash(token));
        assertThat(awaitMail(email, 1).text()).contains(invitation.get("link").asString(), "Ingrid Inbjuden");
        assertThat(json(api("GET", "/api/accounts/" + account.get("id").asString(), token(Who.ADMIN), null).body())
                .toString()).doesNotContain(token);
    }

    @Test
    void badFieldsAreNamedInTheCallersLanguage() {
        HttpResponse<String> english = api("POST", "/api/accounts/invitations", token(Who.ADMIN), """
                {"name":"","email":"not-an-address","organisationId":"org-ostersund","role":"STAFF"}""");
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(json(english.body()))).containsExactlyInAnyOrder("name", "email");

        HttpResponse<String> swedish = api("POST", "/api/accounts/invitations", token(Who.ADMIN), """
                {"name":"Nils","email":"%s","role":"COMPANY","lead":true}""".formatted(newEmail()),
                "Accept-Language", "sv");
        JsonNode problem = json(swedish.body());
        assertThat(swedish.statusCode()).isEqualTo(422);
        assertThat(problem.get("title").asString()).isEqualTo("Uppgifterna godtogs inte");
        assertThat(fields(problem)).containsExactlyInAnyOrder("organisationId", "lead");
        assertThat(problem.get("detail").asString()).contains("en COMPANY företräder en organisation");

        HttpResponse<String> role = api("POST", "/api/accounts/invitations", token(Who.ADMIN), """
                {"name":"Nils","email":"%s","organisationId":"o","role":"KING"}""".formatted(newEmail()));
        assertThat(role.statusCode()).isEqualTo(422);
        assertThat(fields(json(role.body()))).containsExactly("role");

        HttpResponse<String> unknown = api("POST", "/api/accounts/invitations", token(Who.ADMIN), """
                {"name":"Nils","email":"%s","organisationId":"o","role":"STAFF","password":"x"}"""
                .formatted(newEmail()));
        assertThat(fields(json(unknown.body()))).as("nobody sets what they should not").containsExactly("password");
    }

    @Test
    void anEmailThatIsTakenIsAConflictNamingIt() {
        String email = newEmail();
        String body = """
                {"name":"Två Gånger","email":"%s","organisationId":"org-ostersund","role":"STAFF"}""".formatted(email);
        assertThat(api("POST", "/api/accounts/invitations", token(Who.ADMIN), body).statusCode()).isEqualTo(201);

        HttpResponse<String> again = api("POST", "/api/accounts/invitations", token(Who.LEAD), body,
                "Accept-Language", "sv");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(fields(json(again.body()))).containsExactly("email");
        assertThat(again.body()).contains("ett annat konto har den här e-postadressen");
    }

    @Test
    void aChangeNeedsTheVersionItWasMadeFromAndIsLogged() {
        String id = invited(false);
        String change = """
                {"name":"Nils Flyttad","organisationId":"org-other","role":"COMPANY","lead":false}""";

        assertThat(api("PUT", "/api/accounts/" + id, token(Who.ADMIN), change).statusCode()).isEqualTo(428);
        HttpResponse<String> changed = api("PUT", "/api/accounts/" + id, token(Who.ADMIN), change, "If-Match", "\"1\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(changed.body()).get("organisationId").asString()).isEqualTo(OTHER);
        assertThat(api("PUT", "/api/accounts/" + id, token(Who.ADMIN), change, "If-Match", "\"1\"").statusCode())
                .isEqualTo(412);
        assertThat(api("POST", "/api/accounts/" + id + "/deactivation", token(Who.ADMIN), null, "If-Match", "\"1\"")
                .statusCode()).as("an action with a stale version").isEqualTo(412);

        JsonNode entries = json(api("GET", "/api/accounts/" + id + "/log", token(Who.ADMIN), null).body())
                .get("entries");
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("action").asString()).isEqualTo("INVITED");
        JsonNode last = entries.get(1);
        assertThat(last.get("action").asString()).isEqualTo("CHANGED");
        assertThat(last.get("by").asString()).isEqualTo("admin");
        assertThat(last.get("details").asString()).isEqualTo("name changed, organisation org-ostersund → org-other, "
                + "role STAFF → COMPANY");
        assertThat(last.has("byAccountId")).isFalse();
    }

    @Test
    void aLeadListsTheirOwnOrganisationAndTheCoordinatorFiltersAndSearches() {
        String id = invited(false);

        List<String> leads = ids(api("GET", "/api/accounts", token(Who.LEAD), null));
        assertThat(leads).contains(id, staffId());
        assertThat(json(api("GET", "/api/accounts", token(Who.LEAD), null).body()).get("accounts").valueStream()
                .map(account -> account.get("organisationId").asString())).containsOnly(OSTERSUND);

        assertThat(ids(api("GET", "/api/accounts?status=INVITED&organisationId=org-ostersund", token(Who.ADMIN),
                null))).contains(id).doesNotContain(staffId());
        assertThat(ids(api("GET", "/api/accounts?q=sVEN", token(Who.ADMIN), null))).containsExactly(staffId());
        assertThat(api("GET", "/api/accounts?status=NOPE", token(Who.ADMIN), null).statusCode()).isEqualTo(422);
    }

    @Test
    void aTokenThatIsNotValidIsAProblem() {
        HttpResponse<String> response = api("GET", "/api/accounts/me", "not-a-token", null, "Accept-Language", "sv");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response.body()).get("detail").asString()).isEqualTo("Åtkomsttoken är ogiltig eller har gått ut.");
    }

    @Test
    void aMachineClientHasNoAccountOfItsOwn() {
        HttpResponse<String> response = api("GET", "/api/accounts/me", accessToken("samverka-runtime", RUNTIME_SECRET),
                null);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    // --- helpers ---

    String token(Who who) {
        return who.username == null ? null : personToken(who.username, who.password);
    }

    int status(String method, String path, String token, String body, String... headers) {
        return api(method, path, token, body, headers).statusCode();
    }

    String staffId() {
        return json(api("GET", "/api/accounts/me", token(Who.STAFF), null).body()).get("id").asString();
    }

    /** A new invited STAFF account of org-ostersund, invited by the coordinator. */
    String invited(boolean lead) {
        HttpResponse<String> response = api("POST", "/api/accounts/invitations", token(Who.ADMIN),
                invitation("STAFF", OSTERSUND, lead));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body()).get("account").get("id").asString();
    }

    String deactivated() {
        String id = invited(false);
        assertThat(status("POST", "/api/accounts/" + id + "/deactivation", token(Who.ADMIN), null)).isEqualTo(200);
        return id;
    }

    static String invitation(String role, String organisationId, boolean lead) {
        return """
                {"name":"Nils Ny","email":"%s","organisationId":"%s","role":"%s","lead":%s}"""
                .formatted(newEmail(), organisationId, role, lead);
    }

    static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }

    static List<String> ids(HttpResponse<String> list) {
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json(list.body()).get("accounts").valueStream().map(account -> account.get("id").asString()).toList();
    }
}
