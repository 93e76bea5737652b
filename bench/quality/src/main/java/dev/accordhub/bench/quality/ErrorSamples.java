package dev.accordhub.bench.quality;

import dev.accordhub.routes.consolidate.match.CompanyCandidate;
import dev.accordhub.routes.consolidate.match.CompanyMatcher;
import dev.accordhub.routes.consolidate.match.PairScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Samples of wrong merges and missed pairs with the matcher's reasons: what tuning the matcher starts from. */
final class ErrorSamples {

    private final CompanyCandidate[] records;
    private final int[] entityOf;
    private final UnionFind merged;
    private final CompanyMatcher matcher;
    private final List<SyntheticCompany> truth;
    private final dev.accordhub.routes.consolidate.match.MergePlanner.Plan[] plans;

    ErrorSamples(CompanyCandidate[] records, int[] entityOf, UnionFind merged, CompanyMatcher matcher,
            List<SyntheticCompany> truth, dev.accordhub.routes.consolidate.match.MergePlanner.Plan[] plans) {
        this.truth = truth;
        this.plans = plans;
        this.records = records;
        this.entityOf = entityOf;
        this.merged = merged;
        this.matcher = matcher;
    }

    void print(int count, Random random) {
        Map<Integer, List<Integer>> byCluster = new HashMap<>();
        Map<Integer, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < records.length; i++) {
            byCluster.computeIfAbsent(merged.find(i), c -> new ArrayList<>()).add(i);
            byEntity.computeIfAbsent(entityOf[i], e -> new ArrayList<>()).add(i);
        }
        List<int[]> wrong = new ArrayList<>();
        byCluster.values().forEach(members -> pairs(members, wrong, (a, b) -> entityOf[a] != entityOf[b]));
        List<int[]> missed = new ArrayList<>();
        byEntity.values().forEach(members -> pairs(members, missed, (a, b) -> merged.find(a) != merged.find(b)));
        System.out.printf(Locale.ROOT, "%n--- %d wrong merges (sample) ---%n", wrong.size());
        Map<String, Integer> wrongKinds = new java.util.TreeMap<>();
        wrong.forEach(p -> wrongKinds.merge(kind(p) + " / direct " + matcher.compare(records[p[0]],
                records[p[1]]).decision(), 1, Integer::sum));
        System.out.println(wrongKinds);
        sample(wrong, count, random).forEach(this::explain);
        System.out.printf(Locale.ROOT, "%n--- %d missed pairs (sample) ---%n", missed.size());
        Map<String, Integer> missedKinds = new java.util.TreeMap<>();
        missed.forEach(p -> missedKinds.merge(missedKind(p), 1, Integer::sum));
        missedKinds.forEach((k, v) -> System.out.println("  " + k + " = " + v));
        sample(missed, count, random).forEach(this::explain);
    }

    private String kind(int[] pair) {
        SyntheticCompany.LookAlike a = truth.get(entityOf[pair[0]]).lookAlike();
        SyntheticCompany.LookAlike b = truth.get(entityOf[pair[1]]).lookAlike();
        return a.compareTo(b) >= 0 ? a.name() : b.name();
    }

    private String missedKind(int[] pair) {
        CompanyCandidate a = records[pair[0]];
        CompanyCandidate b = records[pair[1]];
        PairScore score = matcher.compare(a, b);
        boolean moved = a.country() != null && b.country() != null && !a.country().equals(b.country());
        if (score.exactKey()) {
            return score.decision() + " exact";
        }
        String reasons = String.join(";", score.reasons());
        String name = reasons.startsWith("name 1.00") ? "name=1" : reasons.startsWith("name 0.9") ? "name.9x"
                : reasons.startsWith("name 0.8") ? "name.8x" : "name<.8";
        String domain = reasons.contains("same domain root") ? "root" : reasons.contains("same domain") ? "same"
                : reasons.contains("related domains") ? "related" : reasons.contains("other domains") ? "other"
                : "none";
        return score.decision() + " " + name + " dom=" + domain + (moved ? " moved" : "");
    }

    private void explain(int[] pair) {
        CompanyCandidate a = records[pair[0]];
        CompanyCandidate b = records[pair[1]];
        PairScore score = matcher.compare(a, b);
        System.out.printf(Locale.ROOT, "%.3f %-8s %s | %s%n    %s%n", score.score(), score.decision(), describe(a),
                describe(b), score.reasons());
        int later = Math.max(pair[0], pair[1]);
        System.out.printf(Locale.ROOT, "    plan of the later record (%s): %s %s %s%n", records[later].sourceKey(),
                plans[later].decision(), plans[later].clusters(), plans[later].reasons());
    }

    private static String describe(CompanyCandidate c) {
        return c.program() + " '" + c.name() + "' " + c.country() + " " + c.domain() + (c.domainVerified() ? "(v)" : "")
                + (c.taxId() == null ? "" : " tax " + c.taxId()) + (c.duns() == null ? "" : " duns " + c.duns());
    }

    private static void pairs(List<Integer> members, List<int[]> out, java.util.function.BiPredicate<Integer,
            Integer> keep) {
        for (int a = 0; a < members.size(); a++) {
            for (int b = a + 1; b < members.size(); b++) {
                if (keep.test(members.get(a), members.get(b))) {
                    out.add(new int[] {members.get(a), members.get(b)});
                }
            }
        }
    }

    private static List<int[]> sample(List<int[]> pairs, int count, Random random) {
        List<int[]> copy = new ArrayList<>(pairs);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }
}
