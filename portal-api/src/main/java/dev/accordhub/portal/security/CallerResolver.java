package dev.accordhub.portal.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.routes.consolidate.GoldenStore;
import dev.accordhub.routes.infra.GridChanges;
import dev.accordhub.routes.infra.GridDerivedCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an {@code Authorization: Bearer} header into a {@link Caller}: the token is validated, then its e-mail
 * address is looked up in the golden model (user → their company's source key → golden partner). Nothing in the
 * request other than the signed token decides who the caller is or which partner they act for. A user or partner
 * that is deactivated in the golden model is refused at once, whatever the token's lifetime.
 *
 * <p>Resolving a partner user takes four grid reads (e-mail → user → the company's source key → golden partner),
 * each a hand-over to a Hazelcast partition thread and back: a quarter of what a cached portal read cost. So the
 * resolution is kept by e-mail ({@link GridDerivedCache}) until anything that could change it changes: an entry of
 * {@code users} or {@code partners}, a company's source key in {@code xref}, a {@code user:email:} key in
 * {@code match-keys} ({@link GoldenStore#identityChanges}). A user or company deactivated, merged, split or
 * re-pointed is resolved afresh by the next request after the write (one made on another member of a cluster:
 * once Hazelcast delivers its event, within milliseconds). Deal writes are filtered out where they are made and
 * cost no event. Refusals are not kept.
 */
public class CallerResolver {

    private static final String BEARER = "bearer ";

    private final JwtValidator validator;
    private final String operatorScope;
    private final String channelManagerScope;
    private final java.util.Map<String, PortalSecurityProperties.ChannelAssignment> channelManagers;
    private final List<String> defaultRoles;
    private final ObjectMapper json;
    private final IMap<String, String> matchKeys;
    private final IMap<String, HazelcastJsonValue> users;
    private final IMap<String, HazelcastJsonValue> partners;
    private final IMap<String, String> xref;
    private final GridDerivedCache<Resolution> resolved;

    /** How long a resolution is used at most, whatever the events say; and how many are kept at most. */
    static final java.time.Duration MAX_AGE = java.time.Duration.ofSeconds(10);
    static final int MAX_USERS = 100_000;

    /** One partner user as the golden model has them. */
    record Resolution(String userId, String partnerId, String partnerKey, Caller.Profile profile) {
    }

    public CallerResolver(JwtValidator validator, PortalSecurityProperties security, List<String> defaultRoles,
            HazelcastInstance hazelcast, ObjectMapper json, GridChanges identityChanges) {
        this.operatorScope = security.operatorScope();
        this.channelManagerScope = security.channelManagerScope();
        this.channelManagers = security.channelManagers();
        this.defaultRoles = List.copyOf(defaultRoles);
        this.validator = validator;
        this.json = json;
        this.matchKeys = hazelcast.getMap(GoldenStore.MATCH_KEYS);
        this.users = hazelcast.getMap(GoldenStore.USERS);
        this.partners = hazelcast.getMap(GoldenStore.PARTNERS);
        this.xref = hazelcast.getMap(GoldenStore.XREF);
        this.resolved = new GridDerivedCache<>("partner users' resolutions", identityChanges, MAX_AGE, MAX_USERS);
    }

    public Caller resolve(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw InvalidTokenException.missing();
        }
        JsonNode claims = validator.validate(authorization.substring(BEARER.length()).trim());
        String subject = claims.path("sub").asText(null);
        String email = claims.hasNonNull("email") ? claims.path("email").asText().trim().toLowerCase(Locale.ROOT)
                : null;
        Set<String> scopes = scopes(claims);
        if (scopes.contains(operatorScope)) {
            return Caller.operator(subject, email);
        }
        if (scopes.contains(channelManagerScope)) {
            var assignment = email == null ? null : channelManagers.get(email);
            if (assignment == null) {
                throw new AccessDeniedException("The channel manager " + email + " is assigned no partners "
                        + "(accord.security.channel-managers)");
            }
            return Caller.channelManager(subject, email, assignment);
        }
        if (email == null || email.isEmpty()) {
            throw new AccessDeniedException("The token carries no e-mail address, so it names no partner user");
        }
        return partnerUser(subject, email);
    }

    private Caller partnerUser(String subject, String email) {
        Resolution known = resolved.get(email, () -> lookUp(email));
        return Caller.partnerUser(subject, email, known.userId(), known.partnerId(), known.partnerKey(),
                known.profile());
    }

    /** From the golden model: refused if the user or their company is unknown or no longer active. */
    private Resolution lookUp(String email) {
        String userId = matchKeys.get(GoldenStore.USER_EMAIL_KEY + email);
        JsonNode user = read(userId == null ? null : users.get(userId));
        if (user == null) {
            throw new AccessDeniedException("No partner user with e-mail " + email + " is known to the hub");
        }
        if (!PartnerStatus.ACTIVE.name().equals(user.path("status").asText(PartnerStatus.ACTIVE.name()))) {
            throw new AccessDeniedException("The partner user " + email + " is deactivated");
        }
        String partnerKey = user.path("partnerKey").asText(null);
        String partnerId = partnerKey == null ? null : xref.get(partnerKey);
        JsonNode partner = read(partnerId == null ? null : partners.get(partnerId));
        if (partner == null) {
            throw new AccessDeniedException("The partner user " + email + " belongs to no known partner company");
        }
        if (!PartnerStatus.ACTIVE.name().equals(partner.path("status").asText(PartnerStatus.ACTIVE.name()))) {
            throw new AccessDeniedException("The partner company of " + email + " is no longer active");
        }
        List<String> roles = new ArrayList<>();
        user.path("roles").forEach(r -> roles.add(r.asText()));
        Caller.Profile profile = new Caller.Profile(partner.path("name").asText(null),
                partner.path("type").asText(null), partner.path("tier").asText(null),
                partner.path("territory").asText(null), partner.path("vertical").asText(null),
                roles.isEmpty() ? defaultRoles : roles);
        return new Resolution(userId, partnerId, partnerKey, profile);
    }

    GridDerivedCache<Resolution> cache() {
        return resolved;
    }

    private static Set<String> scopes(JsonNode claims) {
        JsonNode scope = claims.path("scope");
        if (scope.isArray()) {
            Set<String> scopes = new java.util.HashSet<>();
            scope.forEach(s -> scopes.add(s.asText()));
            return scopes;
        }
        return scope.isTextual() ? new java.util.HashSet<>(java.util.Arrays.asList(
                WHITESPACE.split(scope.asText().trim()))) : Set.of();
    }

    /** Compiled once: {@code String.split("\\s+")} compiles its pattern on every request. */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private JsonNode read(HazelcastJsonValue value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value.getValue());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable golden record: " + e.getOriginalMessage(), e);
        }
    }
}
