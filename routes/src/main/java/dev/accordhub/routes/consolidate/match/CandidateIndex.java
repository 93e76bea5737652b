package dev.accordhub.routes.consolidate.match;

import java.util.List;

/**
 * The company records identity resolution compares a new record with, found by {@link BlockingKeys}. Narrow on
 * purpose: an implementation needs only a map from source key to candidate and a multimap from blocking key to
 * source keys, which a data grid provides as well as a {@code HashMap}.
 */
public interface CandidateIndex {

    /** Adds the record, or replaces the one with the same source key (its keys may have changed). */
    void add(CompanyCandidate candidate);

    /** Removes the record with this source key; false if there was none. */
    boolean remove(String sourceKey);

    /**
     * The records sharing at least one blocking key with the probe, each once, never the probe's own source key,
     * in a deterministic order. Blocks larger than the index's cap are skipped, except exact-key blocks.
     */
    List<CompanyCandidate> candidatesFor(CompanyCandidate probe);

    int size();

    /**
     * How many indexed records carry this word among the own words of their name (business words aside): how
     * much a shared word says. An invented brand is carried by one company's records only, a surname or a
     * dictionary word by hundreds. -1 when the index does not count words; the matcher then assumes nothing.
     */
    default int recordsWithWord(String word) {
        return -1;
    }
}
