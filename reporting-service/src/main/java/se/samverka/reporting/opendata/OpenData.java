package se.samverka.reporting.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samverka.reporting.opendata.rdf.Graph;
import se.samverka.reporting.report.ReportSource;

/**
 * The open data, always current: every dataset computed from the read models of the generation in use, and again
 * only once an event has been applied since, as the reports are (ADR 0023); its forms are written once per
 * computation, so a download only copies bytes.
 */
@Component
public class OpenData {

    private final ReportSource source;
    private final OpenDatasets datasets;
    private final OpenDataSettings settings;

    OpenData(ReportSource source, OpenDatasets datasets, OpenDataSettings settings) {
        this.source = source;
        this.datasets = datasets;
        this.settings = settings;
    }

    /** Every dataset as it is published now, in the order of {@link OpenDatasets#all()}, by id. */
    public Map<String, Rendered> published() {
        return source.computedReading(List.of("open-data"), (set, freshness) -> publish(PublicRegister.read(set)));
    }

    /** One dataset as it is published now. */
    public Optional<Rendered> dataset(String id) {
        return Optional.ofNullable(published().get(id));
    }

    public Listing listing() {
        return Listing.of(settings, List.copyOf(published().values()));
    }

    public Graph catalogue() {
        return Catalogue.of(settings, published().values());
    }

    public OpenDataSettings settings() {
        return settings;
    }

    Map<String, Rendered> publish(PublicRegister register) {
        Map<String, Rendered> published = new LinkedHashMap<>();
        datasets.all().forEach(dataset ->
                published.put(dataset.id(), Rendered.of(dataset, register, settings.licence())));
        return published;
    }
}
