package se.samverka.subscription.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.security.Caller;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.FundingLineChanged;
import se.samverka.project.contracts.FundingLineRemoved;
import se.samverka.subscription.call.CallEvent;
import se.samverka.subscription.call.CallView;
import se.samverka.subscription.project.Directory.KnownPartnership;
import se.samverka.subscription.project.ProjectView.KnownFundingLine;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides what of a project event a reader may see, by the same rules as the project API (ADR 0007): nothing of a
 * project the reader may not read (judged by the project after the event, so the event that makes a project INTERNAL
 * is not shown either), nothing of an internal funding line to whom does not see internals, no contact person ids to
 * anyone (they are personal data, ADR 0005), and no ids of partnerships the reader may not read. Of a funding call's
 * event, as the calls API: nothing of a call the reader may not read (by its visibility after the event), and to whom
 * may, the event with the call's public description beside it ({@code call}), so that a deadline's notice says which
 * call it is.
 */
@Component
public class Disclosure {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Directory directory;

    public Disclosure(Directory directory) {
        this.directory = directory;
    }

    /** Whether the reader may see anything of the event, which {@link Disclosing#to} then discloses. */
    public static boolean mayRead(Caller reader, FollowedEvent followed) {
        if (followed instanceof CallEvent call) {
            // A call has no owner but the coordinator: its visibility alone decides.
            return call.data() != null && call.after() != null
                    && reader.mayRead(call.after().description().visibility(), null);
        }
        ProjectEvent event = (ProjectEvent) followed;
        ProjectView project = event.after();
        return event.data() != null && project != null
                && reader.mayRead(project.visibility(), project.ownerOrganisationId())
                && (reader.seesInternals(project.ownerOrganisationId()) || !concernsInternalFundingLine(event));
    }

    /** Discloses events that arrived together, reading each organisation and partnership they name once. */
    public Disclosing together() {
        return new Disclosing(directory.remembering());
    }

    /** Disclosure with the directory as one batch read it; not for use by more than one thread. */
    public static final class Disclosing {

        private final Directory.Remembered directory;

        private Disclosing(Directory.Remembered directory) {
            this.directory = directory;
        }

        /** What of the event this reader may see. */
        public Optional<DisclosedEvent> to(Caller reader, FollowedEvent followed) {
            if (!mayRead(reader, followed)) {
                return Optional.empty();
            }
            if (followed instanceof CallEvent call) {
                return Optional.of(call(call));
            }
            ProjectEvent event = (ProjectEvent) followed;
            ProjectView project = event.after();
            boolean internals = reader.seesInternals(project.ownerOrganisationId());
            Map<String, KnownPartnership> known = directory.partnerships(project.partnershipIds());
            List<String> partnerships = project.partnershipIds().stream()
                    .filter(id -> mayReadPartnership(reader, known.get(id))).toList();
            ObjectNode data = (ObjectNode) JSON.readTree(event.envelope().data());
            data.remove("contactPersonIds");
            if (data.has("partnershipIds")) {
                ArrayNode readable = data.putArray("partnershipIds");
                partnerships.forEach(readable::add);
            }
            List<String> programmes = project.fundingLines().stream()
                    .filter(line -> internals || !line.internal()).map(KnownFundingLine::programme).distinct()
                    .toList();
            List<String> countries = directory.countries(Stream.concat(Stream.of(project.ownerOrganisationId()),
                    project.partnerOrganisationIds().stream()).toList());
            return Optional.of(new DisclosedEvent(event.envelope(), data, new DisclosedEvent.Facts(
                    project.ownerOrganisationId(), countries, project.strategies(), project.growthAreas(), programmes,
                    partnerships, false)));
        }

        /** The call's event with its description as it is after the event: all of it public to whom may read it. */
        private static DisclosedEvent call(CallEvent event) {
            CallView call = event.after();
            ObjectNode data = (ObjectNode) JSON.readTree(event.envelope().data());
            ObjectNode described = JSON.createObjectNode().put("callId", call.callId());
            described.setAll((ObjectNode) JSON.readTree(EventCodec.toJson(call.description())));
            data.set("call", described);
            return new DisclosedEvent(event.envelope(), data,
                    DisclosedEvent.Facts.ofCall(call.description().programme()));
        }
    }

    private static boolean concernsInternalFundingLine(ProjectEvent event) {
        if (event.data() instanceof FundingLineAdded added) {
            return added.fundingLine().internal();
        }
        if (event.data() instanceof FundingLineChanged changed) {
            return changed.fundingLine().internal();
        }
        if (event.data() instanceof FundingLineRemoved removed) {
            // What was removed decides; a line never seen is treated as internal rather than risk showing it.
            return event.before() == null || event.before().fundingLine(removed.fundingLineId())
                    .map(KnownFundingLine::internal).orElse(true);
        }
        return false;
    }

    /** A partnership not (yet) known is the municipality's to read only. */
    private static boolean mayReadPartnership(Caller reader, KnownPartnership partnership) {
        return partnership == null ? reader.isMunicipality() : reader.mayRead(
                partnership.visibility() == null ? "INTERNAL" : partnership.visibility(),
                partnership.ownerOrganisationId());
    }
}
