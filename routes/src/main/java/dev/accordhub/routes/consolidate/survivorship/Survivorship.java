package dev.accordhub.routes.consolidate.survivorship;

import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceRef;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds golden records from the snapshots of all their sources, field by field, with the configured rule, and
 * says where each value came from. Every rule ends its ordering with the program and external id, so the outcome
 * never depends on the order in which changes arrived. A record is active while any source has it active.
 */
public final class Survivorship {

    private final SurvivorshipPolicy policy;

    public Survivorship(SurvivorshipPolicy policy) {
        this.policy = policy;
    }

    public SurvivorshipPolicy policy() {
        return policy;
    }

    public PartnerOrg partner(String id, List<PartnerOrg> snapshots) {
        Map<String, FieldLineage> won = lineage(FieldSet.PARTNER, snapshots);
        return new PartnerOrg(id, (String) value(won, "name"), (String) value(won, "domain"),
                (String) value(won, "country"), (String) value(won, "city"), (String) value(won, "postalCode"),
                (dev.accordhub.model.Tier) value(won, "tier"),
                (dev.accordhub.model.PartnerType) value(won, "type"), (String) value(won, "territory"),
                (String) value(won, "vertical"), (String) value(won, "taxId"), (String) value(won, "duns"),
                anyActive(snapshots.stream().map(PartnerOrg::status).toList()), newest(FieldSet.PARTNER, snapshots),
                refs(FieldSet.PARTNER, snapshots));
    }

    /**
     * The golden user. Access follows the identity providers: when any IdP provisions the person, they are active
     * only while an IdP says so (a CRM contact left active does not keep a deprovisioned user in); without an IdP,
     * while any source has them active.
     */
    @SuppressWarnings("unchecked")
    public PartnerUser user(String id, List<PartnerUser> snapshots) {
        Map<String, FieldLineage> won = lineage(FieldSet.USER, snapshots);
        List<PartnerUser> provisioned = snapshots.stream()
                .filter(u -> IDENTITY_PROVIDER.equals(u.sources().get(0).system())).toList();
        List<PartnerUser> authority = provisioned.isEmpty() ? snapshots : provisioned;
        Object roles = value(won, "roles");
        return new PartnerUser(id, (String) value(won, "email"), (String) value(won, "firstName"),
                (String) value(won, "lastName"), (String) value(won, "title"), (String) value(won, "partnerKey"),
                anyActive(authority.stream().map(PartnerUser::status).toList()), newest(FieldSet.USER, snapshots),
                refs(FieldSet.USER, snapshots), roles == null ? List.of() : (List<String>) roles);
    }

    /** The source system of users pushed by identity providers. */
    public static final String IDENTITY_PROVIDER = "scim";

    /** The winning value of every field that any source has, in the field set's order. */
    public <T> Map<String, FieldLineage> lineage(FieldSet<T> set, List<T> snapshots) {
        Map<String, FieldLineage> won = new LinkedHashMap<>();
        set.fields().forEach((field, read) -> {
            SurvivorshipRule rule = policy.ruleFor(field);
            List<T> candidates = snapshots.stream().filter(s -> read.apply(s) != null).toList();
            candidates.stream().min(order(set, rule, read)).ifPresent(winner -> won.put(field,
                    new FieldLineage(field, read.apply(winner), set.source().apply(winner), rule, candidates.size())));
        });
        return won;
    }

    /** Best first, by the rule, then always by recency and finally by source key for a total order. */
    <T> Comparator<T> order(FieldSet<T> set, SurvivorshipRule rule, java.util.function.Function<T, Object> read) {
        Comparator<T> recent = Comparator.comparing(set.updatedAt(), Comparator.reverseOrder());
        Comparator<T> stable = Comparator.comparing(t -> set.source().apply(t).program() + ":"
                + set.source().apply(t).externalId());
        Comparator<T> first = switch (rule) {
            case SOURCE_PRIORITY -> Comparator.comparingInt(t -> policy.priorityOf(set.source().apply(t).program()));
            case MOST_RECENT -> recent;
            case MOST_COMPLETE -> Comparator.comparingInt((T t) -> completeness(read.apply(t))).reversed();
        };
        return first.thenComparing(recent).thenComparing(stable);
    }

    private static int completeness(Object value) {
        return value instanceof String text ? text.trim().length() : 0;
    }

    private static Object value(Map<String, FieldLineage> won, String field) {
        FieldLineage lineage = won.get(field);
        return lineage == null ? null : lineage.value();
    }

    private static PartnerStatus anyActive(List<PartnerStatus> statuses) {
        return statuses.contains(PartnerStatus.ACTIVE) ? PartnerStatus.ACTIVE : PartnerStatus.INACTIVE;
    }

    private static <T> java.time.Instant newest(FieldSet<T> set, List<T> snapshots) {
        return snapshots.stream().map(set.updatedAt()).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static <T> List<SourceRef> refs(FieldSet<T> set, List<T> snapshots) {
        return snapshots.stream().map(set.source())
                .sorted(Comparator.comparing(r -> r.program() + ":" + r.externalId())).toList();
    }
}
