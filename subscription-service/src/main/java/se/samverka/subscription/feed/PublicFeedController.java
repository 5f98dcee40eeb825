package se.samverka.subscription.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.subscription.SubscriptionSettings;

/** The latest events of PUBLIC projects as an Atom 1.0 feed (RFC 4287), open to anyone. */
@RestController
class PublicFeedController {

    static final String ATOM = "application/atom+xml;charset=UTF-8";
    private static final String NS = "http://www.w3.org/2005/Atom";
    private static final String TITLE = "Samverka – offentliga projekt";

    private final PublicFeed feed;
    private final SubscriptionSettings settings;

    PublicFeedController(PublicFeed feed, SubscriptionSettings settings) {
        this.feed = feed;
        this.settings = settings;
    }

    @GetMapping(path = "/feeds/public-projects.atom", produces = ATOM)
    ResponseEntity<String> publicProjects() throws XMLStreamException {
        List<FeedEntry> entries = feed.latest();
        String base = settings.publicBaseUrl().replaceAll("/+$", "");
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("xml:lang", "sv");
        element(xml, "id", base + "/feeds/public-projects.atom");
        element(xml, "title", TITLE);
        element(xml, "updated", time(entries.isEmpty() ? Instant.EPOCH : entries.get(0).time()));
        link(xml, "self", base + "/feeds/public-projects.atom");
        xml.writeStartElement("author");
        element(xml, "name", "Samverka");
        xml.writeEndElement();
        for (FeedEntry entry : entries) {
            xml.writeStartElement("entry");
            element(xml, "id", "urn:uuid:" + entry.eventId());
            element(xml, "title", entry.title());
            element(xml, "updated", time(entry.time()));
            link(xml, "alternate", base + "/projects/" + entry.projectId());
            xml.writeStartElement("category");
            xml.writeAttribute("term", entry.type());
            xml.writeEndElement();
            xml.writeStartElement("content");
            xml.writeAttribute("type", "text");
            xml.writeCharacters(entry.text());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().header("Content-Type", ATOM).body(out.toString());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
