package dev.accordhub.model.source;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The calls a connector made and the allowance its source last reported; connectors hold one and feed it. */
public final class ApiUsageTracker implements SourceApiUsage {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicReference<Allowance> allowance = new AtomicReference<>();

    public void called() {
        calls.incrementAndGet();
    }

    public void reported(long used, long limit, Instant at) {
        if (limit > 0 && used >= 0) {
            allowance.set(new Allowance(used, limit, at));
        }
    }

    @Override
    public long apiCalls() {
        return calls.get();
    }

    @Override
    public Optional<Allowance> apiAllowance() {
        return Optional.ofNullable(allowance.get());
    }
}
