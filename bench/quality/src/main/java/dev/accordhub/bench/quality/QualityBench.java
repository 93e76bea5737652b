package dev.accordhub.bench.quality;

import dev.accordhub.routes.consolidate.match.BlockingKeys;
import dev.accordhub.routes.consolidate.match.CompanyCandidate;
import dev.accordhub.routes.consolidate.match.CompanyMatcher;
import dev.accordhub.routes.consolidate.match.InMemoryCandidateIndex;
import dev.accordhub.routes.consolidate.match.MatchDecision;
import dev.accordhub.routes.consolidate.match.MatchPolicy;
import dev.accordhub.routes.consolidate.match.MatchResult;
import dev.accordhub.routes.consolidate.match.MergePlanner;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The identity-resolution quality benchmark: generates a post-acquisition world with known truth, streams every
 * program's partner records through the company matcher the way consolidation would (match against what is
 * indexed, act on the decision, then index the record), clusters the merges, and reports pairwise precision and
 * recall, the stewardship queue, time and heap. Next to it, the current rule of the consolidator (same web domain
 * merges) on the same records, as the baseline.
 *
 * <p>Arguments: {@code --companies N} (100000), {@code --seed S} (42), {@code --merge T} / {@code --review T} /
 * {@code --max-block B} (the policy's), {@code --explain K} (print K wrong merges and K missed pairs with their
 * reasons); for sensitivity checks only, {@code --noise F} and {@code --look-alikes F} scale the noise rates and the
 * look-alike shares (1 = the benchmark).
 */
public final class QualityBench {

    /** How many displaced members one record may set matching again: bounds a chain of displacements. */
    private static final int MAX_REMATCHES = 3;

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int companies = Integer.parseInt(options.getOrDefault("companies", "100000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        int explain = Integer.parseInt(options.getOrDefault("explain", "0"));
        MatchPolicy defaults = MatchPolicy.defaults();
        double noise = Double.parseDouble(options.getOrDefault("noise", "1"));
        double lookAlikes = Double.parseDouble(options.getOrDefault("look-alikes", "1"));
        MatchPolicy policy = defaults.withThresholds(
                Double.parseDouble(options.getOrDefault("merge", "" + defaults.mergeThreshold())),
                Double.parseDouble(options.getOrDefault("review", "" + defaults.reviewThreshold())))
                .withMaxBlockSize(Integer.parseInt(options.getOrDefault("max-block", "" + defaults.maxBlockSize())));

        long heapEmpty = usedHeapAfterGc();
        long generateStart = System.nanoTime();
        Random random = new Random(seed);
        List<SyntheticCompany> truth = CompanyUniverse.generate(companies, random, lookAlikes);
        boolean addresses = !options.getOrDefault("addresses", "1").equals("0");
        CompanySites.Sites[] sites = addresses ? CompanySites.generate(truth, new Random(seed * 7919 + 13)) : null;
        ProgramRecords writer = new ProgramRecords(random, noise, new Random(seed * 7919 + 17));
        List<Object[]> written = new ArrayList<>();
        for (SyntheticCompany company : truth) {
            for (String program : company.programs()) {
                written.add(new Object[] {writer.write(company, program, written.size(),
                        sites == null ? null : sites[company.entityId()]), company.entityId()});
            }
        }
        Collections.shuffle(written, new Random(seed + 1));
        CompanyCandidate[] records = new CompanyCandidate[written.size()];
        int[] entityOf = new int[written.size()];
        Map<String, Integer> position = new HashMap<>(written.size() * 2);
        for (int i = 0; i < records.length; i++) {
            records[i] = (CompanyCandidate) written.get(i)[0];
            entityOf[i] = (Integer) written.get(i)[1];
            position.put(records[i].sourceKey(), i);
        }
        written = null;
        double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
        long heapRecords = usedHeapAfterGc();

        InMemoryCandidateIndex index = new InMemoryCandidateIndex(policy);
        CompanyMatcher matcher = new CompanyMatcher(index, policy);
        MergePlanner planner = new MergePlanner(policy);
        MergePlanner.Plan[] plans = new MergePlanner.Plan[explain > 0 ? records.length : 0];
        BenchClusters clusters = new BenchClusters(records, position);
        List<int[]> reviewed = new ArrayList<>();
        long reviews = 0;
        long reviewsOfSameCompany = 0;
        long evictions = 0;
        long matchStart = System.nanoTime();
        for (int i = 0; i < records.length; i++) {
            Deque<Integer> toMatch = new ArrayDeque<>(List.of(i));
            // a displaced member is matched again, like a changed record: it may belong to another golden record
            for (int round = 0; !toMatch.isEmpty() && round <= MAX_REMATCHES; round++) {
                int r = toMatch.poll();
                MatchResult result = matcher.match(records[r]);
                MergePlanner.Plan plan = planner.plan(result, clusters);
                if (explain > 0) {
                    plans[r] = plan;
                }
                if (plan.decision() == MatchDecision.MERGE) {
                    plan.evicted().forEach(key -> toMatch.add(clusters.evict(key)));
                    evictions += plan.evicted().size();
                    clusters.merge(r, plan.clusters());
                } else if (plan.decision() == MatchDecision.REVIEW) {
                    int other = position.get(result.best().sourceKey());
                    reviewed.add(new int[] {r, other});
                    reviews++;
                    reviewsOfSameCompany += entityOf[r] == entityOf[other] ? 1 : 0;
                }
                if (r == i) {
                    index.add(records[i]);
                }
            }
        }
        double matchSeconds = (System.nanoTime() - matchStart) / 1e9;
        long heapIndexed = usedHeapAfterGc();

        UnionFind merged = clusters.unionFind();
        UnionFind mergedOrReviewed = clusters.unionFind();
        reviewed.forEach(pair -> mergedOrReviewed.union(pair[0], pair[1]));
        PairwiseQuality quality = PairwiseQuality.of(merged, entityOf);
        PairwiseQuality ifReviewsConfirmed = PairwiseQuality.of(mergedOrReviewed, entityOf);
        PairwiseQuality baseline = PairwiseQuality.of(sameDomainBaseline(records), entityOf);
        PairwiseQuality exactKeys = PairwiseQuality.of(ExactKeyBaseline.clusters(records, false), entityOf);
        PairwiseQuality exactKeysNoFreeMail = PairwiseQuality.of(ExactKeyBaseline.clusters(records, true), entityOf);
        double per100k = 100_000.0 / records.length;

        System.out.printf(Locale.ROOT, "companies %d (look-alikes %d), records %d over %s, seed %d, noise x%s, "
                + "look-alikes x%s%n", truth.size(),
                truth.stream().filter(c -> c.lookAlike() != SyntheticCompany.LookAlike.NONE).count(), records.length,
                CompanyUniverse.PROGRAMS, seed, noise, lookAlikes);
        System.out.printf(Locale.ROOT, "policy: merge >= %.2f, review >= %.2f, max block %d%n",
                policy.mergeThreshold(), policy.reviewThreshold(), policy.maxBlockSize());
        System.out.printf(Locale.ROOT, "true pairs %d, blocking recall (true pairs sharing a key) %.4f%n",
                quality.truePairs(), blockingRecall(records, entityOf));
        report("matcher", quality);
        report("matcher, reviews confirmed", ifReviewsConfirmed);
        report("baseline: same domain merges", baseline);
        report("baseline: exact keys + veto", exactKeys);
        report("  same, free-mail excluded", exactKeysNoFreeMail);
        System.out.printf(Locale.ROOT, "review queue %d (%.1f%% of records), %.1f%% of them the same company%n",
                reviews, 100.0 * reviews / records.length, reviews == 0 ? 0 : 100.0 * reviewsOfSameCompany / reviews);
        System.out.printf(Locale.ROOT, "members a golden record gave up for a record that fits it better: %d%n",
                evictions);
        System.out.printf(Locale.ROOT, "comparisons %d (%.1f per record; all pairs would be %.2e), oversized blocks "
                + "skipped %d, blocks %d%n", matcher.comparisons(), (double) matcher.comparisons() / records.length,
                (double) records.length * (records.length - 1) / 2, index.oversizedBlocksSkipped(), index.blockCount());
        System.out.printf(Locale.ROOT, "match time %.1f s for %d records = %.1f s per 100k records "
                + "(generation %.1f s)%n", matchSeconds, records.length, matchSeconds * per100k, generateSeconds);
        System.out.printf(Locale.ROOT, "heap after GC: records %.0f MB, index %.0f MB; per 100k records: records + "
                + "index %.0f MB (index alone %.0f MB)%n", mb(heapRecords - heapEmpty), mb(heapIndexed - heapRecords),
                mb(heapIndexed - heapEmpty) * per100k, mb(heapIndexed - heapRecords) * per100k);
        System.out.printf(Locale.ROOT, "%d cores, %s %s, max heap %.0f MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), mb(Runtime.getRuntime().maxMemory()));
        if (explain > 0) {
            new ErrorSamples(records, entityOf, merged, matcher, truth, plans).print(explain, new Random(seed + 2));
        }
        if (index.size() != records.length) {
            throw new IllegalStateException("index lost records");
        }
    }

    /** The consolidator's rule today: records with the same normalised web domain are one company. */
    private static UnionFind sameDomainBaseline(CompanyCandidate[] records) {
        UnionFind clusters = new UnionFind(records.length);
        Map<String, Integer> firstWithDomain = new HashMap<>();
        for (int i = 0; i < records.length; i++) {
            if (records[i].domain() != null) {
                Integer first = firstWithDomain.putIfAbsent(records[i].domain(), i);
                if (first != null) {
                    clusters.union(i, first);
                }
            }
        }
        return clusters;
    }

    /** Share of true pairs whose records have a blocking key in common: the ceiling blocking puts on recall. */
    private static double blockingRecall(CompanyCandidate[] records, int[] entityOf) {
        Map<Integer, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < records.length; i++) {
            byEntity.computeIfAbsent(entityOf[i], e -> new ArrayList<>(3)).add(i);
        }
        long pairs = 0;
        long blocked = 0;
        for (List<Integer> members : byEntity.values()) {
            for (int a = 0; a < members.size(); a++) {
                Set<String> keys = BlockingKeys.of(records[members.get(a)]);
                for (int b = a + 1; b < members.size(); b++) {
                    pairs++;
                    if (!Collections.disjoint(keys, BlockingKeys.of(records[members.get(b)]))) {
                        blocked++;
                    }
                }
            }
        }
        return pairs == 0 ? 1 : (double) blocked / pairs;
    }

    private static void report(String what, PairwiseQuality q) {
        System.out.printf(Locale.ROOT, "%-30s precision %.4f  recall %.4f  (predicted pairs %d, correct %d)%n",
                what, q.precision(), q.recall(), q.predictedPairs(), q.correctPairs());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
