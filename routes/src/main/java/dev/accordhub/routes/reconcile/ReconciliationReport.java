package dev.accordhub.routes.reconcile;

import java.time.Instant;
import java.util.List;

/** What one reconciliation run found and did, per source; also its progress while it runs. */
public record ReconciliationReport(String id, Trigger trigger, Instant startedAt, Instant finishedAt,
        Status status, List<SourceReport> sources, Totals totals) {

    public enum Trigger { SCHEDULED, ON_DEMAND }

    public enum Status { RUNNING, COMPLETED, FAILED }

    public enum SourceStatus { PENDING, RUNNING, DONE, FAILED }

    /**
     * One object of one program (e.g. helios partners in Salesforce).
     *
     * @param sourceCount live records the source holds (so far, while it runs)
     * @param goldenCount records of this source the golden model holds
     * @param checked     source records compared so far (live and deleted)
     * @param missing     live in the source, absent from the golden model
     * @param stale       the source has a newer version than the golden model applied
     * @param orphaned    in the golden model, deleted or gone from the source
     * @param mismatched  same version on both sides, different content (a mapping changed since, or a source
     *                    that edits without moving its stamp); reported, not repaired: it needs a re-ingest
     * @param unmappable  source records the program's mapping cannot read (already dead-lettered by ingest)
     * @param repaired    drifted records sent back through the ingest path
     * @param apiCalls    calls this run made to the source
     * @param rateLimited of those, answered 429 and waited out
     * @param samples     a few drifted records, for a first look
     */
    public record SourceReport(String program, String system, String feed, SourceStatus status, long sourceCount,
            long goldenCount, long checked, long missing, long stale, long orphaned, long mismatched,
            long unmappable, long repaired, long apiCalls, long rateLimited, String error, List<Drift> samples) {

        public long drift() {
            return missing + stale + orphaned + mismatched;
        }
    }

    /** One drifted record: its source key, the kind of drift, and the version each side holds. */
    public record Drift(String key, String kind, Instant sourceVersion, Instant goldenVersion) {
    }

    public record Totals(long checked, long drift, long repaired) {

        static Totals of(List<SourceReport> sources) {
            return new Totals(sources.stream().mapToLong(SourceReport::checked).sum(),
                    sources.stream().mapToLong(SourceReport::drift).sum(),
                    sources.stream().mapToLong(SourceReport::repaired).sum());
        }
    }
}
