package se.samverka.partnership.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.platform.events.organisation.OrganisationRegistered;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.web.InvalidRequestException;

/** The actor directory: registers organisations and answers who exists. */
@Service
public class OrganisationDirectory {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final AggregateStore<Organisation> organisations;

    public OrganisationDirectory(AggregateStores stores) {
        this.organisations = stores.create("organisations", Organisation.class);
    }

    public Versioned<Organisation> register(RegisterOrganisation request) {
        if (!COUNTRIES.contains(request.country())) {
            throw new InvalidRequestException("country", "'" + request.country() + "' is not an ISO 3166-1 alpha-2 country code");
        }
        String id = UUID.randomUUID().toString();
        Organisation organisation = new Organisation(request.name().strip(), request.type(), request.country());
        return organisations.create(id, organisation, new OrganisationRegistered(id, organisation.name(),
                organisation.type().name(), organisation.country()));
    }

    public Optional<Versioned<Organisation>> find(String id) {
        return organisations.find(id);
    }

    public boolean exists(String id) {
        return organisations.exists(id);
    }

    public List<Versioned<Organisation>> all() {
        return organisations.find(new Query().with(Sort.by("state.name")));
    }
}
