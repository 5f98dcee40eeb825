package se.samverka.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.Party;
import se.samverka.project.contracts.ProjectDescription;

/**
 * The entries keep the contracts' descriptions, and their read-model documents the fields they always had: what the
 * reports do not keep is not stored, the partnership's and the organisation's descriptions lie flat beside the rest,
 * and generations written before read back as they were.
 */
class EntryDocumentsTest {

    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");

    private final MappingMongoConverter converter = converter();

    @Test
    void anOrganisationIsStoredFlatWithoutItsNutsCodeAndWebsite() {
        OrganisationEntry entry = OrganisationEntry.of(new OrganisationDescription("Gdynia", "Gdynia", "FOREIGN_CITY",
                "PUBLIC", "PL", "PL-22", "PL634", "https://gdynia.pl", "o-0", null));

        Document document = write(entry, OrganisationEntry.class);

        assertThat(document.keySet()).containsExactly("name", "nameEn", "type", "sector", "country", "region",
                "parentOrganisationId", "active");
        assertThat(document.get("active")).isEqualTo(true);
        assertThat(converter.read(OrganisationEntry.class, document)).isEqualTo(entry);
    }

    @Test
    void aPartnershipIsStoredFlatWithoutItsOwnWords() {
        PartnershipEntry entry = PartnershipEntry.registered(new PartnershipDescription("Vänort Gdynia", "Twin Gdynia",
                "Our own words", "TWIN_CITY", "PUBLIC", "d-1", List.of("CLIMATE"), List.of("S1")), "ACTIVE",
                List.of(new Party("o-1", "LEAD")), AT).withAgreement("TWINNING", LocalDate.of(2030, 1, 1), AT);

        Document document = write(entry, PartnershipEntry.class);

        assertThat(document.keySet()).containsExactlyInAnyOrder("name", "nameEn", "type", "status", "visibility",
                "parties", "responsibleDepartmentId", "themes", "strategies", "agreementType", "agreementValidTo",
                "statusSince", "lastChangedAt");
        assertThat(converter.read(PartnershipEntry.class, document)).isEqualTo(entry);
    }

    @Test
    void aProjectsDescriptionIsStoredWithoutItsSummariesAndContactPersonsAndWithEveryList() {
        ProjectEntry entry = ProjectEntry.registered(new ProjectDescription("VG", "Vänort Gdynia", "Twin Gdynia",
                "Summary", "Summary in English", "KS 2025/1", "o-1", List.of("c-1"), "PUBLIC", null, null, null, null,
                null, null, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2025, 2, 1),
                LocalDate.of(2026, 11, 30)), "IDEA", AT);

        Document description = write(entry, ProjectEntry.class).get("description", Document.class);

        assertThat(description.keySet()).containsExactly("acronym", "title", "titleEn", "registrationNumber",
                "ownerOrganisationId", "visibility", "partnershipIds", "strategies", "actions", "growthAreas", "themes",
                "sdgs", "plannedStart", "plannedEnd", "actualStart", "actualEnd");
        assertThat(description.getList("themes", String.class)).isEmpty();
        assertThat(converter.read(ProjectEntry.class, write(entry, ProjectEntry.class))).isEqualTo(entry);
    }

    private Document write(Object entry, Class<?> type) {
        return (Document) converter.convertToMongoType(entry, TypeInformation.of(type));
    }

    /** The converter the stores write with, as Spring Boot makes it, without a database. */
    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
