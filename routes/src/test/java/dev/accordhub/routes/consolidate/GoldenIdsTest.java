package dev.accordhub.routes.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.model.EntityType;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Golden ids must never change: every id already in Kafka and Hazelcast was made by UUID.nameUUIDFromBytes. */
class GoldenIdsTest {

    @Test
    void theSameIdsAsNameBasedUuidsForAnyKey() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            EntityType entity = EntityType.values()[random.nextInt(EntityType.values().length)];
            String key = "helios:" + entity.code() + ":" + randomText(random);
            assertThat(GoldenIds.of(entity, key)).as(key).isEqualTo(UUID.nameUUIDFromBytes(
                    (entity.code() + "|" + key).getBytes(StandardCharsets.UTF_8)).toString());
        }
        assertThat(GoldenIds.of(EntityType.DEAL, "helios:deal:0065g0000004C9hAAE"))
                .as("an id the hub has always given this deal").isEqualTo("31b2d84a-dca1-320e-874c-4bdf2385755f");
    }

    @Test
    void threadsDoNotShareADigest() {
        var ids = IntStream.range(0, 4).mapToObj(t -> CompletableFuture.supplyAsync(() -> IntStream.range(0, 5_000)
                .allMatch(i -> GoldenIds.of(EntityType.PARTNER, "k" + t + ":" + i).equals(UUID.nameUUIDFromBytes(
                        ("partner|k" + t + ":" + i).getBytes(StandardCharsets.UTF_8)).toString())))).toList();
        assertThat(ids).allSatisfy(f -> assertThat(f.join()).isTrue());
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(3) == 0 ? 0x20 + random.nextInt(0x3000) : 'a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
