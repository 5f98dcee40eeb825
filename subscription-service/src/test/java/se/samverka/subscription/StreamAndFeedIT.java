package se.samverka.subscription;

import java.util.ArrayList;
import org.springframework.http.HttpMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.TestTokens;
import se.samverka.subscription.project.ProjectEvents;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class StreamAndFeedIT extends SubscriptionServiceTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @LocalServerPort
    int port;
    @Autowired
    ProjectEvents projects;

    @Test
    void theStreamCarriesWhatTheCallerMayRead() {
        try (LiveStream stream = LiveStream.open(port, TestTokens.partner("org-" + UUID.randomUUID()))) {
            assertThat(stream.contentType()).startsWith("text/event-stream");
            String internal = "p-" + UUID.randomUUID();
            EventEnvelope hidden = events.project(internal, "org-dept", "INTERNAL");
            await().atMost(WAIT).until(() -> projects.project(internal).isPresent());
            EventEnvelope shared = events.project("p-" + UUID.randomUUID(), "org-dept", "COUNTY");

            await().atMost(WAIT).until(() -> stream.lines().contains("id:" + shared.id()));
            assertThat(stream.lines()).contains("event:se.samverka.project.registered")
                    .doesNotContain("id:" + hidden.id());
            assertThat(stream.lines().stream().filter(line -> line.startsWith("data:") && line.contains(shared.id())))
                    .singleElement().asString().doesNotContain("contactPersonIds");
        }
    }

    @Test
    void theStreamCarriesTheEventsOfTheCallsTheCallerMayRead() {
        try (LiveStream stream = LiveStream.open(port, TestTokens.partner("org-" + UUID.randomUUID()))) {
            String call = "c-" + UUID.randomUUID();
            EventEnvelope hidden = events.call(call, "INTERNAL");
            EventEnvelope shared = events.callUpdated(call, "COUNTY");

            await().atMost(WAIT).until(() -> stream.lines().contains("id:" + shared.id()));
            assertThat(stream.lines()).contains("event:se.samverka.call.updated").doesNotContain("id:" + hidden.id());
        }
    }

    @Test
    void anonymousCallersCannotOpenTheStream() {
        assertThat(api.anonymous().status(HttpMethod.GET, "/api/subscriptions/stream", null, null))
                .isEqualTo(401);
    }

    @Test
    void theAtomFeedListsPublicProjectEventsForAnyone() throws Exception {
        String open = "p-" + UUID.randomUUID();
        String county = "p-" + UUID.randomUUID();
        EventEnvelope published = events.project(open, "org-dept", "PUBLIC");
        EventEnvelope shared = events.project(county, "org-dept", "COUNTY");
        await().atMost(WAIT).until(() -> projects.project(open).isPresent() && projects.project(county).isPresent());

        var result = api.anonymous().http().get().uri("/feeds/public-projects.atom").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/atom+xml")
                .returnResult(String.class);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                result.getResponseBody().getBytes(StandardCharsets.UTF_8)));
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, "title")).isEqualTo("Samverka – offentliga projekt");
        assertThat(child(root, "id")).isNotBlank();
        assertThat(child(root, "updated")).isNotBlank();
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isBetween(1, 50);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            ids.add(child(entry, "id"));
            assertThat(child(entry, "title")).isNotBlank();
            assertThat(child(entry, "updated")).isNotBlank();
        }
        assertThat(ids).contains("urn:uuid:" + published.id()).doesNotContain("urn:uuid:" + shared.id());
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                return nodes.item(i).getTextContent();
            }
        }
        return null;
    }
}
