package dev.accordhub.routes.consolidate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import dev.accordhub.routes.TestHazelcast;
import dev.accordhub.routes.consolidate.match.CompanyCandidate;
import dev.accordhub.routes.consolidate.match.InMemoryCandidateIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grid-backed index finds exactly what the in-memory one finds, survives removal, caps blocks alike, and counts
 * the same words.
 */
class HazelcastCandidateIndexTest {

    static HazelcastInstance hazelcast;

    @BeforeAll
    static void start() {
        hazelcast = TestHazelcast.start("candidate-index-test");
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    @Test
    void findsTheSameCandidatesAsTheInMemoryIndex() {
        var grid = new HazelcastCandidateIndex(hazelcast, 5, new ObjectMapper());
        var memory = new InMemoryCandidateIndex(5);
        String[] words = {"Acme", "Bluefin", "Northwind", "Globex", "Initech", "Umbrella", "Systems", "Traders",
                "Data", "Labs"};
        String[] countries = {"US", "DE", "GB"};
        Random random = new Random(7);
        List<CompanyCandidate> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String name = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
            CompanyCandidate c = CompanyCandidate.of("p" + (i % 3) + ":partner:" + i, "p" + (i % 3), name,
                    name.toLowerCase().replace(' ', '-') + ".com", false, countries[random.nextInt(3)],
                    i % 10 == 0 ? "DE" + i : null, null);
            all.add(c);
            grid.add(c);
            memory.add(c);
        }
        grid.remove(all.get(1).sourceKey());
        memory.remove(all.get(1).sourceKey());

        assertThat(grid.size()).isEqualTo(memory.size()).isEqualTo(119);
        for (CompanyCandidate probe : all) {
            assertThat(grid.candidatesFor(probe)).as(probe.name())
                    .containsExactlyInAnyOrderElementsOf(memory.candidatesFor(probe));
        }
        for (String word : words) {
            String normalised = word.toLowerCase();
            assertThat(grid.recordsWithWord(normalised)).as(word).isEqualTo(memory.recordsWithWord(normalised));
        }
        assertThat(grid.recordsWithWord("acme")).isPositive();
    }
}
