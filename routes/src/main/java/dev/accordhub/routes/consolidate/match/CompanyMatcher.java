package dev.accordhub.routes.consolidate.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Identity resolution of partner companies: finds, for a new or changed record, the known record of the same
 * company. Candidates come from the {@link CandidateIndex} (blocking), each is scored by
 * {@link CompanyPairScorer} (exact keys first, then names, domains and countries), and the best one decides.
 *
 * <p>Deterministic: the same index and the same probe give the same result whatever the order the index holds its
 * records in, because ties between candidates go to the exact key, then to the smaller source key.
 *
 * <p>The matcher does not change the index: the caller adds the probe once it has acted on the result, so that a
 * record being matched is never its own candidate and a stewarded pair can be kept apart.
 */
public final class CompanyMatcher {

    /** Records of one company number three at most in three programs; more sharing one word means several companies. */
    static final int COMMON_NAME_RECORDS = 4;

    private final CandidateIndex index;
    private final MatchPolicy policy;
    private final CompanyPairScorer scorer;
    private long comparisons;

    public CompanyMatcher(CandidateIndex index, MatchPolicy policy) {
        this.index = Objects.requireNonNull(index, "index");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scorer = new CompanyPairScorer(policy);
    }

    /** The best known record for the probe, the decision, and every other record the probe would merge with. */
    public MatchResult match(CompanyCandidate probe) {
        List<CompanyCandidate> candidates = index.candidatesFor(probe);
        NameContext context = new NameContext(commonSingleWordName(probe, candidates),
                sameNameRecords(probe, candidates), rarestWordRecords(probe));
        List<ScoredCandidate> scored = new ArrayList<>(candidates.size());
        for (CompanyCandidate candidate : candidates) {
            scored.add(new ScoredCandidate(candidate, scorer.score(probe, candidate, context)));
        }
        comparisons += scored.size();
        if (scored.isEmpty()) {
            return MatchResult.noCandidate(probe);
        }
        scored.sort(BEST_FIRST);
        CompanyCandidate best = scored.get(0).candidate();
        PairScore explained = scorer.explain(probe, best, context);
        List<ScoredCandidate> merges = new ArrayList<>();
        merges.add(new ScoredCandidate(best, explained));
        for (int i = 1; i < scored.size() && scored.get(i).score().decision() == MatchDecision.MERGE; i++) {
            merges.add(scored.get(i));
        }
        return new MatchResult(probe, best, explained.score(), explained.decision(), explained.reasons(),
                scored.size(), explained.decision() == MatchDecision.MERGE ? merges : List.of());
    }

    /**
     * Two records compared directly, without the index: for stewards and tests. What the index adds in
     * {@link #match} (how common a one-word name is) is not known here.
     */
    public PairScore compare(CompanyCandidate a, CompanyCandidate b) {
        return scorer.explain(a, b, NameContext.UNKNOWN);
    }

    /**
     * The probe's name when it is a single own word that at least {@value #COMMON_NAME_RECORDS} known records in
     * its country start with; null otherwise. Counted among the candidates, which hold every record of that first
     * word and country (the {@code f|} block), unless that block is so common the index skipped it.
     */
    private static String commonSingleWordName(CompanyCandidate probe, List<CompanyCandidate> candidates) {
        if (probe.normalisedName() == null || !CompanyNames.isSingleWord(probe.normalisedName())) {
            return null;
        }
        String word = CompanyNames.firstOwnWord(CompanyNameNormaliser.words(probe.normalisedName()));
        int sharing = 0;
        for (CompanyCandidate candidate : candidates) {
            if (candidate.normalisedName() != null && Objects.equals(candidate.country(), probe.country())
                    && word.equals(CompanyNames.firstOwnWord(CompanyNameNormaliser.words(candidate.normalisedName())))) {
                sharing++;
            }
        }
        return sharing >= COMMON_NAME_RECORDS ? word : null;
    }

    /** How many candidates carry exactly the probe's normalised name, in any country. */
    private static int sameNameRecords(CompanyCandidate probe, List<CompanyCandidate> candidates) {
        int same = 0;
        for (CompanyCandidate candidate : candidates) {
            if (probe.normalisedName() != null && probe.normalisedName().equals(candidate.normalisedName())) {
                same++;
            }
        }
        return same;
    }

    /** How many indexed records carry the probe's rarest own word; -1 when the index does not count words. */
    private int rarestWordRecords(CompanyCandidate probe) {
        int rarest = -1;
        for (String word : CompanyNames.ownWords(probe.normalisedName())) {
            int records = index.recordsWithWord(word);
            if (records < 0) {
                return -1;
            }
            rarest = rarest < 0 ? records : Math.min(rarest, records);
        }
        return rarest;
    }

    /** Pairs scored so far by {@link #match}: what blocking is meant to keep near-linear. */
    public long comparisons() {
        return comparisons;
    }

    public MatchPolicy policy() {
        return policy;
    }

    /**
     * A merge beats a review beats a separation (so a vetoed candidate never hides a good one, and a same-program
     * review never hides a cross-program merge); then the higher rank (the score before it is capped at 1); then the
     * exact key; then the smaller source key, which makes the order independent of the order candidates came in.
     */
    private static final Comparator<ScoredCandidate> BEST_FIRST = Comparator
            .comparing((ScoredCandidate c) -> c.score().decision())
            .thenComparing(c -> c.score().rank(), Comparator.reverseOrder())
            .thenComparing(c -> !c.score().exactKey())
            .thenComparing(c -> c.candidate().sourceKey());
}
