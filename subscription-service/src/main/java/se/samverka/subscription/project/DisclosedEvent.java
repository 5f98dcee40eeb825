package se.samverka.subscription.project;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samverka.platform.events.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project's or funding call's event as one reader may see it: a structured CloudEvent whose data holds only what
 * that reader may read, and the facts of its project (or call) that the reader's criteria may ask about.
 */
public record DisclosedEvent(EventEnvelope envelope, ObjectNode data, Facts facts) {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What a reader may know of the event's project, for criteria a person understands; of a call, its programme.
     *
     * @param countries     of the owner and the partners
     * @param programmes    of the funding lines the reader may see; a call's own
     * @param partnershipIds the partnerships the reader may read
     * @param call          whether these are a funding call's
     */
    public record Facts(String ownerOrganisationId, List<String> countries, List<String> strategies,
                        List<String> growthAreas, List<String> programmes, List<String> partnershipIds,
                        boolean call) {

        static Facts ofCall(String programme) {
            return new Facts(null, List.of(), List.of(), List.of(), List.of(programme), List.of(), true);
        }
    }

    /** The context attributes, by their CloudEvents names, for filters. */
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("specversion", "1.0");
        attributes.put("id", envelope.id());
        attributes.put("source", envelope.source());
        attributes.put("type", envelope.type());
        attributes.put("subject", envelope.subject());
        attributes.put("time", time());
        attributes.put("datacontenttype", "application/json");
        if (envelope.dataSchema() != null) {
            attributes.put("dataschema", envelope.dataSchema());
        }
        return attributes;
    }

    /** The structured CloudEvent ({@code application/cloudevents+json}). */
    public String toJson() {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", envelope.id());
        event.put("source", envelope.source());
        event.put("type", envelope.type());
        event.put("subject", envelope.subject());
        event.put("time", time());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return JSON.writeValueAsString(event);
    }

    private String time() {
        return envelope.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
