package dev.accordhub.routes.consolidate.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.multimap.MultiMap;
import dev.accordhub.routes.consolidate.match.BlockingKeys;
import dev.accordhub.routes.consolidate.match.CandidateIndex;
import dev.accordhub.routes.consolidate.match.CompanyCandidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matching index in the data grid, so every hub node consolidating a share of the partitions sees every
 * partner: candidates by source key ({@code match-candidates}) and source keys by blocking key
 * ({@code match-blocks}, a MultiMap). Block members are read in source-key order, so results do not depend on
 * which node wrote first. Blocks above the cap are skipped, except exact-key blocks, as in the in-memory index.
 * The own words of the names are counted in a third map ({@code match-words}, word to source keys), so every node
 * reads the same word frequencies.
 */
public class HazelcastCandidateIndex implements CandidateIndex {

    public static final String CANDIDATES = "match-candidates";
    public static final String BLOCKS = "match-blocks";
    public static final String WORDS = "match-words";

    private final IMap<String, HazelcastJsonValue> candidates;
    private final MultiMap<String, String> blocks;
    private final MultiMap<String, String> words;
    private final int maxBlockSize;
    private final ObjectMapper json;

    public HazelcastCandidateIndex(HazelcastInstance hazelcast, int maxBlockSize, ObjectMapper json) {
        this.candidates = hazelcast.getMap(CANDIDATES);
        this.blocks = hazelcast.getMultiMap(BLOCKS);
        this.words = hazelcast.getMultiMap(WORDS);
        this.maxBlockSize = maxBlockSize;
        this.json = json;
    }

    @Override
    public void add(CompanyCandidate candidate) {
        remove(candidate.sourceKey());
        candidates.set(candidate.sourceKey(), new HazelcastJsonValue(write(candidate)));
        for (String key : BlockingKeys.of(candidate)) {
            blocks.put(key, candidate.sourceKey());
        }
        for (String word : BlockingKeys.countedWords(candidate)) {
            words.put(word, candidate.sourceKey());
        }
    }

    @Override
    public boolean remove(String sourceKey) {
        HazelcastJsonValue old = candidates.remove(sourceKey);
        if (old == null) {
            return false;
        }
        CompanyCandidate removed = read(old);
        for (String key : BlockingKeys.of(removed)) {
            blocks.remove(key, sourceKey);
        }
        for (String word : BlockingKeys.countedWords(removed)) {
            words.remove(word, sourceKey);
        }
        return true;
    }

    @Override
    public List<CompanyCandidate> candidatesFor(CompanyCandidate probe) {
        Set<String> found = new LinkedHashSet<>();
        for (String key : BlockingKeys.of(probe)) {
            if (blocks.valueCount(key) > maxBlockSize && !BlockingKeys.isExact(key)) {
                continue;
            }
            blocks.get(key).stream().sorted().filter(k -> !k.equals(probe.sourceKey())).forEach(found::add);
        }
        Map<String, HazelcastJsonValue> values = candidates.getAll(found);
        Map<String, CompanyCandidate> ordered = new LinkedHashMap<>();
        for (String key : found) {
            HazelcastJsonValue value = values.get(key);
            if (value != null) {
                ordered.put(key, read(value));
            }
        }
        return new ArrayList<>(ordered.values());
    }

    @Override
    public int recordsWithWord(String word) {
        return words.valueCount(word);
    }

    @Override
    public int size() {
        return candidates.size();
    }

    private String write(CompanyCandidate candidate) {
        try {
            return json.writeValueAsString(candidate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompanyCandidate read(HazelcastJsonValue value) {
        try {
            return json.readValue(value.getValue(), CompanyCandidate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt match candidate " + value, e);
        }
    }
}
