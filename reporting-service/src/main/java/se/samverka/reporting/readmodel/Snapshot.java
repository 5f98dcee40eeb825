package se.samverka.reporting.readmodel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every entry of the read models at one moment, by id: what each report is computed from when it is asked for. A
 * municipality's portfolio (hundreds of organisations, some dozens of partnerships and projects) is read in
 * milliseconds, and figures computed on reading cannot drift from the entries. Of a county's portfolio a report reads
 * only the projects it needs ({@link ReadModelSet#snapshot(se.samverka.reporting.report.ReportFilter)}), beside every
 * organisation and partnership.
 */
public record Snapshot(
        Map<String, OrganisationEntry> organisations,
        Map<String, PartnershipEntry> partnerships,
        Map<String, ProjectEntry> projects) {

    public Optional<OrganisationEntry> organisation(String id) {
        return Optional.ofNullable(id).map(organisations::get);
    }

    /** The organisation's name, or its id while its registration has not been read. */
    public String nameOf(String organisationId) {
        return organisation(organisationId).map(organisation -> organisation.description().name())
                .orElse(organisationId);
    }

    /** The countries of the organisations, each once, in the order of the ids. */
    public List<String> countriesOf(List<String> organisationIds) {
        return organisationIds.stream().map(this::organisation).flatMap(Optional::stream)
                .map(organisation -> organisation.description().country()).distinct().toList();
    }

    /** The sectors of the organisations that have one, each once. */
    public List<String> sectorsOf(List<String> organisationIds) {
        return organisationIds.stream().map(this::organisation).flatMap(Optional::stream)
                .map(organisation -> organisation.description().sector()).filter(sector -> sector != null).distinct()
                .toList();
    }
}
