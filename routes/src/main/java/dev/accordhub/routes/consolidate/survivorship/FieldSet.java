package dev.accordhub.routes.consolidate.survivorship;

import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The survivable fields of one kind of record, with how to read them, its source and its change time. */
public record FieldSet<T>(Map<String, Function<T, Object>> fields, Function<T, SourceRef> source,
        Function<T, Instant> updatedAt) {

    public static final FieldSet<PartnerOrg> PARTNER = partner();
    public static final FieldSet<PartnerUser> USER = user();

    private static FieldSet<PartnerOrg> partner() {
        Map<String, Function<PartnerOrg, Object>> fields = new LinkedHashMap<>();
        fields.put("name", PartnerOrg::name);
        fields.put("domain", PartnerOrg::domain);
        fields.put("country", PartnerOrg::country);
        fields.put("city", PartnerOrg::city);
        fields.put("postalCode", PartnerOrg::postalCode);
        fields.put("tier", PartnerOrg::tier);
        fields.put("type", PartnerOrg::type);
        fields.put("territory", PartnerOrg::territory);
        fields.put("vertical", PartnerOrg::vertical);
        fields.put("taxId", PartnerOrg::taxId);
        fields.put("duns", PartnerOrg::duns);
        return new FieldSet<>(fields, p -> p.sources().get(0), PartnerOrg::updatedAt);
    }

    private static FieldSet<PartnerUser> user() {
        Map<String, Function<PartnerUser, Object>> fields = new LinkedHashMap<>();
        fields.put("email", PartnerUser::email);
        fields.put("firstName", PartnerUser::firstName);
        fields.put("lastName", PartnerUser::lastName);
        fields.put("title", PartnerUser::title);
        fields.put("partnerKey", PartnerUser::partnerKey);
        fields.put("roles", u -> u.roles().isEmpty() ? null : u.roles());
        return new FieldSet<>(fields, u -> u.sources().get(0), PartnerUser::updatedAt);
    }
}
