package dev.accordhub.routes.consolidate.identity;

import dev.accordhub.model.identity.IdentityCommand;
import dev.accordhub.model.identity.StewardshipTask;
import dev.accordhub.model.identity.XrefEntry;
import dev.accordhub.routes.consolidate.Consolidation;
import java.time.Clock;
import java.util.List;

/**
 * Carries out operators' identity commands in the consolidation route, so they are ordered with source changes.
 * Every command leaves an {@link XrefEntry}: what was done, or why it could not be.
 */
public class IdentityCommandHandler {

    private final PartnerMerges merges;
    private final StewardshipStore stewardship;
    private final Clock clock;

    public IdentityCommandHandler(PartnerMerges merges, StewardshipStore stewardship, Clock clock) {
        this.merges = merges;
        this.stewardship = stewardship;
        this.clock = clock;
    }

    public Consolidation handle(IdentityCommand command) {
        try {
            return switch (command.type()) {
                case MERGE -> done(command, command.goldenId(), command.otherId(),
                        merges.merge(command.goldenId(), command.otherId()), List.of());
                case UNMERGE -> {
                    PartnerMerges.Result result = merges.unmerge(command.goldenId(), command.sourceKey());
                    yield done(command, command.goldenId(), result.changes().get(1).id(), result, List.of());
                }
                case ACCEPT -> {
                    StewardshipTask task = openTask(command);
                    PartnerMerges.Result result = merges.merge(task.candidateId(), task.goldenId());
                    yield done(command, task.candidateId(), task.goldenId(), result,
                            List.of(decide(task, StewardshipTask.Status.ACCEPTED, command)));
                }
                case REJECT -> {
                    StewardshipTask task = openTask(command);
                    yield done(command, task.goldenId(), task.candidateId(), new PartnerMerges.Result(List.of(),
                            List.of()), List.of(decide(task, StewardshipTask.Status.REJECTED, command)));
                }
            };
        } catch (IdentityCommandException e) {
            XrefEntry refused = new XrefEntry(command.id(), command.type(), command.goldenId(), command.otherId(),
                    sourceKeys(command), "refused: " + e.getMessage(), clock.instant(), command.requestedBy());
            stewardship.record(refused);
            return new Consolidation(List.of(), List.of(), List.of(), List.of(refused));
        }
    }

    private StewardshipTask openTask(IdentityCommand command) {
        StewardshipTask task = stewardship.task(command.taskId())
                .orElseThrow(() -> new IdentityCommandException("No stewardship task '" + command.taskId() + "'"));
        if (task.status() != StewardshipTask.Status.OPEN) {
            throw new IdentityCommandException("Task " + task.id() + " was already " + task.status());
        }
        return task;
    }

    private StewardshipTask decide(StewardshipTask task, StewardshipTask.Status outcome, IdentityCommand command) {
        StewardshipTask decided = task.decided(outcome, clock.instant(), command.requestedBy());
        stewardship.put(decided);
        return decided;
    }

    private Consolidation done(IdentityCommand command, String goldenId, String otherId, PartnerMerges.Result result,
            List<StewardshipTask> tasks) {
        XrefEntry entry = new XrefEntry(command.id(), command.type(), goldenId, otherId, result.movedSources(),
                "done", clock.instant(), command.requestedBy());
        stewardship.record(entry);
        return new Consolidation(result.changes(), List.of(), tasks, List.of(entry));
    }

    private static List<String> sourceKeys(IdentityCommand command) {
        return command.sourceKey() == null ? List.of() : List.of(command.sourceKey());
    }
}
