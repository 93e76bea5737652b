package dev.accordhub.model.program;

import dev.accordhub.model.Deal;
import dev.accordhub.model.DealRegistration;
import dev.accordhub.model.RegistrationStatus;
import dev.accordhub.model.DealStage;
import dev.accordhub.model.EntityType;
import dev.accordhub.model.Money;
import dev.accordhub.model.PartnerOrg;
import dev.accordhub.model.PartnerStatus;
import dev.accordhub.model.PartnerType;
import dev.accordhub.model.PartnerUser;
import dev.accordhub.model.SourceKeys;
import dev.accordhub.model.SourceRef;
import dev.accordhub.model.Tier;
import dev.accordhub.model.source.SourceRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Maps a flattened source record onto a canonical record with one program's field, tier, type and stage maps.
 * Throws {@link MappingException} naming the program, the source field and the bad value.
 */
public final class ProgramRecordMapper {

    private final ProgramDefinition program;

    public ProgramRecordMapper(ProgramDefinition program) {
        this.program = program;
    }

    public ProgramDefinition program() {
        return program;
    }

    public PartnerOrg toPartner(SourceRecord rec) {
        Fields f = new Fields(rec, EntityType.PARTNER);
        SourceRef ref = ref(rec);
        return new PartnerOrg(null, f.required("name"), Normalise.domain(f.optional("domain")),
                Normalise.upper(f.optional("country")), f.optional("city"), f.optional("postalCode"),
                f.mapped("tier", program.tiers(), Tier.class, true),
                f.mapped("type", program.partnerTypes(), PartnerType.class, false),
                f.coded("territory", program.territories()), f.coded("vertical", program.verticals()),
                Normalise.taxId(f.optional("taxId")), Normalise.duns(f.optional("duns"), program.id()),
                rec.deleted() ? PartnerStatus.INACTIVE : PartnerStatus.ACTIVE, rec.version(), List.of(ref));
    }

    public PartnerUser toUser(SourceRecord rec) {
        Fields f = new Fields(rec, EntityType.USER);
        String email = f.required("email").toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw f.invalid("email", email, "is not an e-mail address");
        }
        String partner = f.optional("partner");
        return new PartnerUser(null, email, f.optional("firstName"), f.optional("lastName"), f.optional("title"),
                partner == null ? null : SourceKeys.of(program.id(), EntityType.PARTNER, partner),
                rec.deleted() ? PartnerStatus.INACTIVE : PartnerStatus.ACTIVE, rec.version(), List.of(ref(rec)));
    }

    public Deal toDeal(SourceRecord rec) {
        Fields f = new Fields(rec, EntityType.DEAL);
        String partner = f.required("partner");
        String registrationId = f.optional("registrationId");
        DealRegistration registration = registrationId == null ? null : DealRegistration.reported(registrationId,
                f.mapped("registrationStatus", program.registrationStatuses(), RegistrationStatus.class, false),
                f.optional("decisionReason"));
        return new Deal(null, f.required("name"), SourceKeys.of(program.id(), EntityType.PARTNER, partner),
                f.optional("customer"), money(f), f.mapped("stage", program.dealStages(), DealStage.class, true),
                Normalise.date(f.optional("closeDate"), f.transform("closeDate") == null ? null
                        : f.transform("closeDate").dateFormat(), program.id()), rec.version(), List.of(ref(rec)),
                registration);
    }

    private Money money(Fields f) {
        String amount = f.optional("amount");
        if (amount == null) {
            return null;
        }
        if (f.transform("amount") != null) {
            amount = f.transform("amount").plainNumber(amount);
        }
        String currency = f.optional("currency");
        currency = currency == null ? program.defaultCurrency() : currency.toUpperCase(Locale.ROOT);
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw f.invalid("amount", amount, "is not a number");
        } catch (IllegalArgumentException e) {
            throw f.invalid("currency", currency, "is not an ISO 4217 currency code");
        }
    }

    private SourceRef ref(SourceRecord rec) {
        if (rec.externalId() == null || rec.externalId().isBlank()) {
            throw new MappingException("Program '" + program.id() + "': record has no id");
        }
        if (rec.version() == null) {
            throw new MappingException("Program '" + program.id() + "': record " + rec.externalId()
                    + " has no last-modified stamp");
        }
        return new SourceRef(program.system(), program.id(), rec.externalId(), rec.version());
    }

    /** Reads canonical fields of one record through the entity's field map. */
    private final class Fields {
        private final SourceRecord rec;
        private final EntityType entity;
        private final EntityMapping mapping;

        Fields(SourceRecord rec, EntityType entity) {
            this.rec = rec;
            this.entity = entity;
            this.mapping = program.entity(entity);
            if (mapping == null) {
                throw new MappingException("Program '" + program.id() + "' maps no " + entity.code() + " entity");
            }
        }

        String optional(String canonical) {
            Object value = rec.field(mapping.sourceField(canonical));
            String text = value == null ? null : value.toString().trim();
            FieldTransform transform = mapping.transform(canonical);
            if (transform != null) {
                text = transform.apply(text);
            }
            return text == null || text.isEmpty() ? null : text;
        }

        FieldTransform transform(String canonical) {
            return mapping.transform(canonical);
        }

        /** A value translated through a code map; with no map, the value itself. */
        String coded(String canonical, java.util.Map<String, String> codes) {
            String value = optional(canonical);
            if (value == null || codes.isEmpty()) {
                return value;
            }
            String code = codes.get(value);
            if (code == null) {
                throw invalid(canonical, value, "is not in the program's " + canonical + " map " + codes.keySet());
            }
            return code;
        }

        String required(String canonical) {
            String value = optional(canonical);
            if (value == null) {
                throw new MappingException(where(canonical) + " is missing (required)");
            }
            return value;
        }

        <E extends Enum<E>> E mapped(String canonical, java.util.Map<String, String> names, Class<E> type,
                boolean required) {
            String value = required ? required(canonical) : optional(canonical);
            if (value == null) {
                return null;
            }
            String target = names.get(value);
            if (target == null) {
                throw invalid(canonical, value, "is not in the program's " + canonical + " map " + names.keySet());
            }
            return Enum.valueOf(type, target);
        }

        MappingException invalid(String canonical, String value, String why) {
            return new MappingException(where(canonical) + " value '" + value + "' " + why);
        }

        private String where(String canonical) {
            return "Program '" + program.id() + "', " + entity.code() + " " + rec.externalId() + ": field "
                    + mapping.sourceField(canonical) + " (" + canonical + ")";
        }
    }
}
