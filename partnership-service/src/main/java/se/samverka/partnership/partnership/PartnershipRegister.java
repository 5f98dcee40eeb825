package se.samverka.partnership.partnership;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.partnership.organisation.OrganisationDirectory;
import se.samverka.platform.events.Visibility;
import se.samverka.platform.events.partnership.PartnershipRegistered;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.InvalidRequestException;

/** The partnership register. Parties must be organisations of the directory. */
@Service
public class PartnershipRegister {

    private final AggregateStore<Partnership> partnerships;
    private final OrganisationDirectory directory;

    public PartnershipRegister(AggregateStores stores, OrganisationDirectory directory) {
        this.partnerships = stores.create("partnerships", Partnership.class);
        this.directory = directory;
    }

    public Versioned<Partnership> register(RegisterPartnership request) {
        List<String> parties = List.copyOf(new LinkedHashSet<>(request.partyOrganisationIds()));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < request.partyOrganisationIds().size(); i++) {
            String party = request.partyOrganisationIds().get(i);
            if (!directory.exists(party)) {
                problems.add(new FieldProblem("partyOrganisationIds[" + i + "]", "no organisation has the id '" + party + "'"));
            }
        }
        if (parties.size() < 2) {
            problems.add(new FieldProblem("partyOrganisationIds", "needs at least two different organisations"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String id = UUID.randomUUID().toString();
        Visibility visibility = request.visibility() == null ? Visibility.INTERNAL : request.visibility();
        Partnership partnership = new Partnership(request.name().strip(), request.type(), PartnershipStatus.EXPLORING,
                visibility, parties);
        return partnerships.create(id, partnership, new PartnershipRegistered(id, partnership.name(),
                partnership.type().name(), partnership.status().name(), visibility.name(), parties));
    }

    public Optional<Versioned<Partnership>> find(String id) {
        return partnerships.find(id);
    }

    public List<Versioned<Partnership>> all() {
        return partnerships.find(new Query().with(Sort.by("state.name")));
    }
}
