package se.samverka.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.test.ProblemBundles;
import tools.jackson.databind.JsonNode;

@WebMvcTest(ProblemDetailsHandlerTest.Resources.class)
class ProblemDetailsHandlerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        send("{\"name\": \"Sanok\",").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://samverka.se/problems/malformed-request"))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void aMissingBodyIs400() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request needs a JSON body."));
    }

    @Test
    void missingRequiredFieldsAre422AndEachIsNamed() throws Exception {
        send("{\"kind\": \"CITY\", \"parts\": []}").andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://samverka.se/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].reason").value("must not be blank"))
                .andExpect(jsonPath("$.errors[?(@.field == 'parts')].reason").value("must not be empty"));
    }

    @Test
    void anUnknownFieldIsRefusedAndNamed() throws Exception {
        send("{\"name\": \"Sanok\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}], \"owner\": \"me\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("owner"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a field of this resource"));
    }

    @Test
    void aValueOutsideAnEnumNamesTheAllowedOnes() throws Exception {
        send("{\"name\": \"Sanok\", \"kind\": \"VILLAGE\", \"parts\": [{\"label\": \"a\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of [CITY, REGION], was 'VILLAGE'"));
    }

    @Test
    void aWrongTypeDeepInTheBodyIsNamedByItsPath() throws Exception {
        send("{\"name\": \"Sanok\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}, {\"label\": {\"x\": 1}}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("parts[1].label"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be text"));
    }

    @Test
    void aProblemFoundByTheServiceIs422() throws Exception {
        send("{\"name\": \"unknown-organisation\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].reason").value("no organisation has the id 'unknown-organisation'"));
    }

    @Test
    void aMissingResourceIs404() throws Exception {
        mvc.perform(get("/things/missing")).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("Thing missing does not exist"));
    }

    @Test
    void anUpdateWithoutIfMatchIs428() throws Exception {
        mvc.perform(put("/things/a")).andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("https://samverka.se/problems/precondition-required"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Send the ETag")));
    }

    @Test
    void aStaleVersionIs412() throws Exception {
        mvc.perform(get("/things/stale")).andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("https://samverka.se/problems/version-conflict"));
    }

    @Test
    void anUnexpectedFailureIsAProblemDocumentWithoutInternals() throws Exception {
        mvc.perform(get("/things/bug")).andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }

    @Test
    void anUnknownAddressIs404ProblemToo() throws Exception {
        mvc.perform(get("/nowhere")).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aCallerWhoAsksForNoLanguageOrOneWeDoNotWriteReadsEnglish() throws Exception {
        for (String language : new String[] {"de", "fi, de;q=0.5", "en-GB"}) {
            send("{\"kind\": \"CITY\", \"parts\": []}", language)
                    .andExpect(jsonPath("$.title").value("Invalid request"))
                    .andExpect(jsonPath("$.errors[?(@.field == 'name')].reason").value("must not be blank"));
        }
    }

    @Test
    void aCallerWhoAsksForSwedishReadsSwedishReasonsFromBeanValidation() throws Exception {
        send("{\"kind\": \"CITY\", \"parts\": [], \"count\": 120}", "sv-SE,sv;q=0.9,en;q=0.8")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Uppgifterna godtogs inte"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].reason").value("får inte vara tomt"))
                .andExpect(jsonPath("$.errors[?(@.field == 'parts')].reason").value("får inte vara tomt"))
                .andExpect(jsonPath("$.errors[?(@.field == 'count')].reason").value("får vara högst 100"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("name: får inte vara tomt")));
    }

    @Test
    void swedishReasonsOfTheBodyAsJsonNameTheValues() throws Exception {
        send("{\"name\": \"Sanok\", \"kind\": \"VILLAGE\", \"parts\": [{\"label\": \"a\"}]}", "sv")
                .andExpect(jsonPath("$.errors[0].reason").value("måste vara något av [CITY, REGION], inte 'VILLAGE'"));
        send("{\"name\": \"Sanok\", \"kind\": \"CITY\", \"parts\": [], \"owner\": \"me\"}", "sv")
                .andExpect(jsonPath("$.errors[0].reason").value("är inte ett fält i den här resursen"));
        send("{\"name\": \"Sanok\",", "sv").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Felaktig begäran"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Innehållet är inte giltig JSON: ")));
    }

    @Test
    void theServicesOwnReasonsAreFilledInInTheCallersLanguage() throws Exception {
        send("{\"name\": \"taken\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}]}")
                .andExpect(jsonPath("$.errors[0].reason").value("'taken' is taken by thing 2048"));
        send("{\"name\": \"taken\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}]}", "sv")
                .andExpect(jsonPath("$.errors[0].reason").value("'taken' används redan av sak 2048"));
        send("{\"name\": \"unknown-organisation\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}]}", "sv")
                .andExpect(jsonPath("$.errors[0].reason").value("det finns ingen organisation med id 'unknown-organisation'"));
        mvc.perform(get("/things/missing").header(HttpHeaders.ACCEPT_LANGUAGE, "sv"))
                .andExpect(jsonPath("$.title").value("Finns inte"))
                .andExpect(jsonPath("$.detail").value("Saken missing finns inte"));
    }

    @Test
    void codesInAReasonAreWordsWhereTheLanguageHasThem() throws Exception {
        mvc.perform(get("/things/old")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("A thing that is OLD cannot become fresh."));
        mvc.perform(get("/things/old").header(HttpHeaders.ACCEPT_LANGUAGE, "sv")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Inte möjligt nu"))
                .andExpect(jsonPath("$.detail").value("En sak som är gammal kan inte bli ny."));
    }

    @Test
    void aKeyWithoutATextIsStillAProblemDocument() throws Exception {
        send("{\"name\": \"forgotten\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].reason").value("reason.thing.forgotten"));
    }

    @Test
    void aControlCharacterInAnyTextIsRefusedAndNamedByItsPath() throws Exception {
        send("{\"name\": \"Sanok\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}, {\"label\": \"b\\u0000\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("parts[1].label"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not contain control characters; U+0000 at position 2"));
        send("{\"name\": \"\\u0085Sanok\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}]}", "sv")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].reason").value("får inte innehålla styrtecken; U+0085 på position 1"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedAndNamed() throws Exception {
        send("{\"name\": \"Sanok\\ud800\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("must be valid Unicode text; an unpaired surrogate U+D800 at position 6"));
    }

    @Test
    void mapKeysAndTheTextsOfAnyJsonTreeAreCheckedToo() throws Exception {
        send("{\"name\": \"Sanok\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}], \"labels\": {\"a\\u0007\": \"b\"}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("labels"));
        send("{\"name\": \"Sanok\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}], "
                + "\"details\": {\"nested\": [1, {\"x\": \"\\u001b[31m\"}]}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("details.nested[1].x"));
        send("{\"name\": \"Sanok\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}], "
                + "\"details\": {\"\\u0000\": true}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("details"));
    }

    @Test
    void tabsLineBreaksAndAnyOtherUnicodeAreAccepted() throws Exception {
        send("{\"name\": \"Sanok \\u200f😀 \\ud83d\\ude00\", \"kind\": \"CITY\", "
                + "\"parts\": [{\"label\": \"two\\r\\nlines\\tand a tab\"}], \"details\": {\"a\": [\"é\"]}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts[0].label").value("two\r\nlines\tand a tab"));
    }

    @Test
    void aKeyGivenTwiceIsMalformed() throws Exception {
        send("{\"name\": \"Sanok\", \"name\": \"Odense\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://samverka.se/problems/malformed-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("name")));
    }

    @Test
    void aQueryParameterThatIsNoValueOfItsTypeIs422NamingIt() throws Exception {
        mvc.perform(get("/things").param("kind", "VILLAGE")).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of [CITY, REGION], was 'VILLAGE'"));
        mvc.perform(get("/things").param("size", "1000000000000").header(HttpHeaders.ACCEPT_LANGUAGE, "sv"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].reason").value("'1000000000000' är inte ett giltigt värde av typen Integer"));
    }

    @Test
    void anAcceptHeaderThatIsNoListOfMediaTypesIsDisregarded() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ACCEPT, "*/*;q=abc")
                        .content("{\"name\": \"Sanok\\u0000\", \"kind\": \"CITY\", \"parts\": [{\"label\": \"a\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(get("/things/missing").header(HttpHeaders.ACCEPT, "application/json;;q=x, ,"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void thePlatformsTextsAreCompleteInSwedishAndComeOutAsWritten() {
        ProblemBundles.assertComplete("platform-problems");
        ProblemBundles.assertComplete("problems");
    }

    private ResultActions send(String body) throws Exception {
        return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions send(String body, String acceptLanguage) throws Exception {
        return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage).content(body));
    }

    enum Kind { CITY, REGION }

    record Part(@NotBlank String label) {
    }

    record Thing(@NotBlank String name, @NotNull Kind kind, @NotEmpty List<@Valid Part> parts, @Max(100) Integer count,
                 Map<String, String> labels, JsonNode details) {
    }

    @SpringBootApplication
    @RestController
    static class Resources {

        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            switch (thing.name()) {
                case "unknown-organisation" -> throw new InvalidRequestException("name", "reason.no-organisation",
                        thing.name());
                case "taken" -> throw new InvalidRequestException("name", "reason.thing.taken", thing.name(), 2048);
                case "forgotten" -> throw new InvalidRequestException("name", "reason.thing.forgotten");
                default -> {
                    return thing;
                }
            }
        }

        @PutMapping("/things/{id}")
        Thing replace(@PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
            Preconditions.expectedVersion(ifMatch);
            throw new NotFoundException("not-found.thing", id);
        }

        @GetMapping("/things")
        List<Thing> list(@RequestParam(required = false) Kind kind, @RequestParam(required = false) Integer size) {
            return List.of();
        }

        @GetMapping("/things/{id}")
        Thing find(@PathVariable String id) {
            switch (id) {
                case "stale" -> throw new OptimisticLockingFailureException("stale");
                case "bug" -> throw new IllegalStateException("secret internals");
                case "old" -> throw new IllegalTransitionException("OLD", "NEW", List.of(), Reason.of("transition.thing",
                        Reason.term("status.thing", "OLD"), Reason.term("status.thing", "NEW")));
                default -> throw new NotFoundException("not-found.thing", id);
            }
        }
    }
}
