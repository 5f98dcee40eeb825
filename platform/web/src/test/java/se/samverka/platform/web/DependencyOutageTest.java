package se.samverka.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A dependency that is down is 503 with Retry-After and a problem document that names it, in the caller's language. */
@WebMvcTest
@ContextConfiguration(classes = DependencyOutageTest.Outages.class)
class DependencyOutageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anUnreachableStoreIs503NamingMongoDb() throws Exception {
        mvc.perform(get("/store-down")).andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(jsonPath("$.type").value("https://samverka.se/problems/service-unavailable"))
                .andExpect(jsonPath("$.title").value("Service unavailable"))
                .andExpect(jsonPath("$.detail").value(
                        "MongoDB, which this service needs, cannot be reached just now. Try again in a few seconds."))
                .andExpect(jsonPath("$.dependency").value("MongoDB"));
    }

    @Test
    void anotherUnreachableDependencyIsNamedInSwedishToo() throws Exception {
        mvc.perform(get("/broker-down").header(HttpHeaders.ACCEPT_LANGUAGE, "sv"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(jsonPath("$.title").value("Tillfälligt otillgänglig"))
                .andExpect(jsonPath("$.detail").value(
                        "Kafka, som tjänsten behöver, går inte att nå just nu. Försök igen om några sekunder."))
                .andExpect(jsonPath("$.dependency").value("Kafka"));
    }

    @RestController
    static class Outages {

        @GetMapping("/store-down")
        String storeDown() {
            throw new DataAccessResourceFailureException("Timed out while waiting for a server");
        }

        @GetMapping("/broker-down")
        String brokerDown() {
            throw new DependencyUnavailableException("Kafka");
        }
    }
}
