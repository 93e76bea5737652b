package dev.accordhub.routes.consolidate;

import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds a golden record from the snapshots of all its sources. The rule of this first slice, for every field:
 * the most recently changed source that has a value wins; ties go to the smaller source key so the outcome never
 * depends on arrival order. Active if any source is active. (Per-field rules from config come with the
 * consolidation engine.)
 */
final class Survivorship {

    private Survivorship() {
    }

    static PartnerOrg partner(String id, List<PartnerOrg> snapshots) {
        List<PartnerOrg> byRecency = newestFirst(snapshots, PartnerOrg::updatedAt, p -> p.sources().get(0));
        return new PartnerOrg(id, first(byRecency, PartnerOrg::name), first(byRecency, PartnerOrg::domain),
                first(byRecency, PartnerOrg::country), first(byRecency, PartnerOrg::tier),
                first(byRecency, PartnerOrg::type), status(byRecency.stream().map(PartnerOrg::status).toList()),
                byRecency.get(0).updatedAt(), refs(byRecency.stream().map(p -> p.sources().get(0)).toList()));
    }

    static PartnerUser user(String id, List<PartnerUser> snapshots) {
        List<PartnerUser> byRecency = newestFirst(snapshots, PartnerUser::updatedAt, u -> u.sources().get(0));
        return new PartnerUser(id, first(byRecency, PartnerUser::email), first(byRecency, PartnerUser::firstName),
                first(byRecency, PartnerUser::lastName), first(byRecency, PartnerUser::title),
                first(byRecency, PartnerUser::partnerKey),
                status(byRecency.stream().map(PartnerUser::status).toList()), byRecency.get(0).updatedAt(),
                refs(byRecency.stream().map(u -> u.sources().get(0)).toList()));
    }

    private static <T> List<T> newestFirst(List<T> snapshots, Function<T, Instant> updated,
            Function<T, SourceRef> ref) {
        return snapshots.stream()
                .sorted(Comparator.comparing(updated, Comparator.reverseOrder())
                        .thenComparing(t -> ref.apply(t).program() + ":" + ref.apply(t).externalId()))
                .toList();
    }

    private static <T, V> V first(List<T> byRecency, Function<T, V> field) {
        return byRecency.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static PartnerStatus status(List<PartnerStatus> statuses) {
        return statuses.contains(PartnerStatus.ACTIVE) ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE;
    }

    private static List<SourceRef> refs(List<SourceRef> refs) {
        return refs.stream().sorted(Comparator.comparing(r -> r.program() + ":" + r.externalId())).toList();
    }
}
