package se.samverka.reporting.report;

import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.Snapshot;

/** A report computed from the entries when it is asked for. */
@FunctionalInterface
public interface Report<T> {

    T of(Snapshot snapshot, ReportFilter filter, Freshness freshness);
}
