package dev.accordhub.portal.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recent change of monotonic counters (exchanges, records, failures), sampled when the overview is read: per key
 * the samples of about the last {@code window}, so a rate is "over the last ten seconds", not "since start". Reading
 * is what samples, which keeps the hub free of a timer; a baseline older than twice the window (nobody looked for a
 * while) is dropped rather than averaged over minutes, and the first read after that has no rate yet.
 */
final class RecentRates {

    /** How much each counter grew, over how many seconds. */
    record Change(double seconds, long[] growth) {

        double perSecond(int counter) {
            return growth[counter] / seconds;
        }
    }

    private record Sample(long atMillis, long[] counters) {
    }

    private static final long MIN_SPACING_MILLIS = 500;

    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final long windowMillis;
    private final Clock clock;

    RecentRates(Duration window, Clock clock) {
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Records the counters' current values and answers how they grew since about one window ago. */
    Optional<Change> observe(String key, long... counters) {
        long now = clock.millis();
        Deque<Sample> history = samples.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (history) {
            while (!history.isEmpty() && now - history.peekFirst().atMillis() > 2 * windowMillis) {
                history.pollFirst();
            }
            // Keep the newest sample at or before the window's start as the baseline, nothing older.
            while (history.size() > 1 && now - second(history).atMillis() >= windowMillis) {
                history.pollFirst();
            }
            Sample base = history.peekFirst();
            if (history.isEmpty() || now - history.peekLast().atMillis() >= MIN_SPACING_MILLIS) {
                history.addLast(new Sample(now, counters.clone()));
            }
            if (base == null || now - base.atMillis() < MIN_SPACING_MILLIS) {
                return Optional.empty();
            }
            long[] growth = new long[counters.length];
            for (int i = 0; i < counters.length; i++) {
                growth[i] = counters[i] - base.counters()[i];
                if (growth[i] < 0) { // a counter was reset: start over from here
                    history.clear();
                    history.addLast(new Sample(now, counters.clone()));
                    return Optional.empty();
                }
            }
            return Optional.of(new Change((now - base.atMillis()) / 1000.0, growth));
        }
    }

    private static Sample second(Deque<Sample> history) {
        var samples = history.iterator();
        samples.next();
        return samples.next();
    }
}
