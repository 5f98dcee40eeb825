package se.samverka.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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
                .andExpect(jsonPath("$.errors[0].reason").value("no such organisation"));
    }

    @Test
    void aMissingResourceIs404() throws Exception {
        mvc.perform(get("/things/missing")).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Thing missing does not exist"));
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

    private ResultActions send(String body) throws Exception {
        return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    enum Kind { CITY, REGION }

    record Part(@NotBlank String label) {
    }

    record Thing(@NotBlank String name, @NotNull Kind kind, @NotEmpty List<@Valid Part> parts) {
    }

    @SpringBootApplication
    @RestController
    static class Resources {

        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            if (thing.name().equals("unknown-organisation")) {
                throw new InvalidRequestException("name", "no such organisation");
            }
            return thing;
        }

        @GetMapping("/things/{id}")
        Thing find(@PathVariable String id) {
            switch (id) {
                case "stale" -> throw new OptimisticLockingFailureException("stale");
                case "bug" -> throw new IllegalStateException("secret internals");
                default -> throw new NotFoundException("Thing", id);
            }
        }
    }
}
