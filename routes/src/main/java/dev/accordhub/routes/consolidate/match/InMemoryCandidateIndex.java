package dev.accordhub.routes.consolidate.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CandidateIndex} in plain maps. Blocks keep insertion order, so the candidates of a probe come in the
 * same order in every run. Not thread-safe: one writer (the consolidation consumer), or external locking.
 */
public final class InMemoryCandidateIndex implements CandidateIndex {

    private final int maxBlockSize;
    private final Map<String, CompanyCandidate> bySourceKey = new HashMap<>();
    private final Map<String, List<CompanyCandidate>> blocks = new HashMap<>();
    private final Map<String, Integer> wordRecords = new HashMap<>();
    private long oversizedBlocksSkipped;

    public InMemoryCandidateIndex(int maxBlockSize) {
        if (maxBlockSize < 1) {
            throw new IllegalArgumentException("maxBlockSize must be at least 1, was " + maxBlockSize);
        }
        this.maxBlockSize = maxBlockSize;
    }

    public InMemoryCandidateIndex(MatchPolicy policy) {
        this(policy.maxBlockSize());
    }

    @Override
    public void add(CompanyCandidate candidate) {
        remove(candidate.sourceKey());
        bySourceKey.put(candidate.sourceKey(), candidate);
        for (String key : BlockingKeys.of(candidate)) {
            blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(candidate);
        }
        for (String word : BlockingKeys.countedWords(candidate)) {
            wordRecords.merge(word, 1, Integer::sum);
        }
    }

    @Override
    public boolean remove(String sourceKey) {
        CompanyCandidate old = bySourceKey.remove(sourceKey);
        if (old == null) {
            return false;
        }
        for (String key : BlockingKeys.of(old)) {
            List<CompanyCandidate> block = blocks.get(key);
            block.removeIf(c -> c.sourceKey().equals(sourceKey));
            if (block.isEmpty()) {
                blocks.remove(key);
            }
        }
        for (String word : BlockingKeys.countedWords(old)) {
            wordRecords.computeIfPresent(word, (w, n) -> n == 1 ? null : n - 1);
        }
        return true;
    }

    @Override
    public List<CompanyCandidate> candidatesFor(CompanyCandidate probe) {
        Map<String, CompanyCandidate> found = new LinkedHashMap<>();
        for (String key : BlockingKeys.of(probe)) {
            List<CompanyCandidate> block = blocks.get(key);
            if (block == null) {
                continue;
            }
            if (block.size() > maxBlockSize && !BlockingKeys.isExact(key)) {
                oversizedBlocksSkipped++;
                continue;
            }
            for (CompanyCandidate member : block) {
                if (!member.sourceKey().equals(probe.sourceKey())) {
                    found.putIfAbsent(member.sourceKey(), member);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    @Override
    public int recordsWithWord(String word) {
        return wordRecords.getOrDefault(word, 0);
    }

    @Override
    public int size() {
        return bySourceKey.size();
    }

    /** How often a probe's block was too common to use; a steadily rising count means a key needs refining. */
    public long oversizedBlocksSkipped() {
        return oversizedBlocksSkipped;
    }

    /** The number of distinct blocking keys, for sizing. */
    public int blockCount() {
        return blocks.size();
    }
}
