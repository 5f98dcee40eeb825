package se.samverka.reporting.opendata;

import java.time.Instant;
import java.util.Optional;

/**
 * A dataset as it is published now: in each of its forms, and when what it is made of last changed.
 */
public record Rendered(Dataset<?> dataset, Download csv, Download json, Optional<Instant> modified) {

    static Rendered of(Dataset<?> dataset, PublicRegister register, Licence licence) {
        Table table = dataset.table(register);
        return new Rendered(dataset, Download.of(table.csv()), Download.of(table.json(dataset.id(), licence)),
                dataset.modified().apply(register));
    }
}
