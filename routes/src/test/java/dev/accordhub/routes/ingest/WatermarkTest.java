package dev.accordhub.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.model.source.SourceRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatermarkTest {

    private static final Instant T1 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-24T10:00:01Z");

    @Test
    void movesToTheNewestStampAndRemembersTheIdsAtIt() {
        Watermark next = Watermark.START.after(List.of(rec("a", T1), rec("b", T2), rec("c", T2)));

        assertThat(next.since()).isEqualTo(T2);
        assertThat(next.idsAtSince()).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void aRecordAtTheSameStampButNotYetSeenIsStillDelivered() {
        Watermark wm = new Watermark(T2, Set.of("b"));

        assertThat(wm.alreadyDelivered(rec("b", T2))).isTrue();
        assertThat(wm.alreadyDelivered(rec("late", T2))).isFalse();
        assertThat(wm.alreadyDelivered(rec("old", T1))).isTrue();
        assertThat(wm.after(List.of(rec("late", T2))).idsAtSince()).containsExactlyInAnyOrder("b", "late");
    }

    private static SourceRecord rec(String id, Instant version) {
        return new SourceRecord(id, version, false, Map.of(), "{}");
    }
}
