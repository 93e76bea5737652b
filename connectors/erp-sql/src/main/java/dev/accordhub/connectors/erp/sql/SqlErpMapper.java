package dev.accordhub.connectors.erp.sql;

import dev.accordhub.model.Money;
import dev.accordhub.model.incentive.FxRate;
import dev.accordhub.model.incentive.MdfClaim;
import dev.accordhub.model.incentive.MdfFund;
import dev.accordhub.model.incentive.MdfRequest;
import dev.accordhub.model.incentive.Payout;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of the ERP's interface tables to and from the canonical records. Rows are column-name maps as camel-sql
 * returns them (case-insensitive keys, so PostgreSQL's lower-case names work too); the value types are those of
 * either driver (H2 gives {@code OffsetDateTime}, PostgreSQL {@code Timestamp}). Every document read is stamped
 * with the configured program.
 */
public final class SqlErpMapper {

    /** PROOF_REFS holds one reference per line. */
    static final String PROOF_SEPARATOR = "\n";

    private final String program;
    private final Clock clock;

    public SqlErpMapper(String program) {
        this(program, Clock.systemUTC());
    }

    public SqlErpMapper(String program, Clock clock) {
        this.program = program;
        this.clock = clock;
    }

    public MdfFund fund(Map<String, Object> row) {
        return new MdfFund(text(row, "FUND_ID"), program, text(row, "PARTNER_ACCOUNT"), text(row, "FUND_NAME"),
                date(row, "PERIOD_START"), date(row, "PERIOD_END"), money(row, "ALLOCATED_AMOUNT"),
                instant(row, "LAST_UPDATE_DATE"));
    }

    public MdfRequest request(Map<String, Object> row) {
        String id = text(row, "REQUEST_ID");
        return new MdfRequest(id, program, text(row, "FUND_ID"), text(row, "PARTNER_ACCOUNT"),
                text(row, "ACTIVITY"), text(row, "COUNTRY_CODE"), money(row, "AMOUNT"),
                requestStatus(text(row, "STATUS_CODE"), id), text(row, "STATUS_REASON"), text(row, "SUBMITTED_BY"),
                instant(row, "LAST_UPDATE_DATE"));
    }

    public MdfClaim claim(Map<String, Object> row) {
        String id = text(row, "CLAIM_ID");
        return new MdfClaim(id, program, text(row, "FUND_ID"), text(row, "REQUEST_ID"),
                text(row, "PARTNER_ACCOUNT"), text(row, "INVOICE_REF"), money(row, "AMOUNT"),
                claimStatus(text(row, "STATUS_CODE"), id), text(row, "STATUS_REASON"),
                proofReferences(text(row, "PROOF_REFS")), text(row, "SUBMITTED_BY"), instant(row, "LAST_UPDATE_DATE"));
    }

    public Payout payout(Map<String, Object> row) {
        return new Payout(text(row, "PAYOUT_ID"), program, text(row, "CLAIM_ID"), text(row, "FUND_ID"),
                money(row, "AMOUNT"), instant(row, "PAID_AT"));
    }

    public FxRate rate(Map<String, Object> row) {
        return new FxRate(program, text(row, "FROM_CURRENCY"), text(row, "TO_CURRENCY"),
                decimal(row, "CONVERSION_RATE"), instant(row, "LAST_UPDATE_DATE"));
    }

    public static long changeSeq(Map<String, Object> row) {
        return ((Number) required(row, "CHANGE_SEQ")).longValue();
    }

    /** The named parameters of {@code insert-request.sql}. */
    public Map<String, Object> inboundRow(MdfRequest request) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("requestId", request.id());
        row.put("fundId", request.fundId());
        row.put("partnerAccount", request.partnerKey());
        row.put("activity", request.activity());
        row.put("countryCode", request.country());
        putMoney(row, request.amount());
        row.put("submittedBy", request.submittedBy());
        row.put("creationDate", timestamp(request.updatedAt()));
        return row;
    }

    /** The named parameters of {@code insert-claim.sql}. */
    public Map<String, Object> inboundRow(MdfClaim claim) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("claimId", claim.id());
        row.put("fundId", claim.fundId());
        row.put("requestId", claim.requestId());
        row.put("partnerAccount", claim.partnerKey());
        row.put("invoiceRef", claim.invoiceReference());
        row.put("proofRefs", claim.proofReferences().isEmpty() ? null
                : String.join(PROOF_SEPARATOR, claim.proofReferences()));
        putMoney(row, claim.amount());
        row.put("submittedBy", claim.submittedBy());
        row.put("creationDate", timestamp(claim.updatedAt()));
        return row;
    }

    /** The ERP's PENDING is the hub's SUBMITTED: entered, not decided. */
    public static MdfRequest.Status requestStatus(String code, String requestId) {
        return switch (code == null ? "" : code.strip()) {
            case "PENDING" -> MdfRequest.Status.SUBMITTED;
            case "APPROVED" -> MdfRequest.Status.APPROVED;
            case "REJECTED" -> MdfRequest.Status.REJECTED;
            default -> throw new IllegalArgumentException("MDF_REQUEST_OUT row " + requestId
                    + " has an unknown STATUS_CODE '" + code + "' (PENDING, APPROVED or REJECTED)");
        };
    }

    public static MdfClaim.Status claimStatus(String code, String claimId) {
        return switch (code == null ? "" : code.strip()) {
            case "PENDING" -> MdfClaim.Status.SUBMITTED;
            case "APPROVED" -> MdfClaim.Status.APPROVED;
            case "REJECTED" -> MdfClaim.Status.REJECTED;
            case "PAID" -> MdfClaim.Status.PAID;
            default -> throw new IllegalArgumentException("MDF_CLAIM_OUT row " + claimId
                    + " has an unknown STATUS_CODE '" + code + "' (PENDING, APPROVED, REJECTED or PAID)");
        };
    }

    private static void putMoney(Map<String, Object> row, Money amount) {
        row.put("currencyCode", amount == null ? null : amount.currency());
        row.put("amount", amount == null ? null : amount.amount());
    }

    private OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at != null ? at : clock.instant(), ZoneOffset.UTC);
    }

    private static List<String> proofReferences(String column) {
        if (column == null) {
            return List.of();
        }
        return Arrays.stream(column.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Money money(Map<String, Object> row, String amountColumn) {
        return new Money(decimal(row, amountColumn), required(row, "CURRENCY_CODE").toString().strip());
    }

    private static BigDecimal decimal(Map<String, Object> row, String column) {
        Object value = required(row, column);
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw unexpected(column, value);
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw unexpected(column, value);
    }

    private static Instant instant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw unexpected(column, value);
    }

    private static Object required(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            throw new IllegalArgumentException("Interface-table row without " + column + ": " + row);
        }
        return value;
    }

    private static IllegalArgumentException unexpected(String column, Object value) {
        return new IllegalArgumentException(column + " holds a " + value.getClass().getName() + " (" + value
                + "), not a value of its SQL type");
    }
}
