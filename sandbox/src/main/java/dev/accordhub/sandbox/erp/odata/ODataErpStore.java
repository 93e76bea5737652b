package dev.accordhub.sandbox.erp.odata;

import dev.accordhub.sandbox.SandboxClock;
import dev.accordhub.sandbox.erp.ErpFundSeed;
import dev.accordhub.sandbox.erp.ErpSeed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ERP's MDF books in memory. Every insert or update of any document takes the next value of one ERP-wide
 * counter, {@code ChangeSeq}, like a SQL Server rowversion: a client that polls {@code ChangeSeq gt N} per entity
 * set misses nothing. All access is synchronized on the store.
 */
final class ODataErpStore {

    private final SandboxClock clock;
    private final Map<String, MdfFundRow> funds = new LinkedHashMap<>();
    private final Map<String, MdfRequestRow> requests = new LinkedHashMap<>();
    private final Map<String, MdfClaimRow> claims = new LinkedHashMap<>();
    private final Map<String, PayoutRow> payouts = new LinkedHashMap<>();
    private final Map<String, ExchangeRateRow> rates = new TreeMap<>();
    private long changeSeq;

    ODataErpStore(SandboxClock clock) {
        this.clock = clock;
    }

    synchronized void seed(List<ErpFundSeed> fundSeeds, Map<String, BigDecimal> ratesToUsd) {
        for (ErpFundSeed seed : fundSeeds) {
            funds.put(seed.fundId(), new MdfFundRow(seed.fundId(), seed.partnerAccount(), seed.name(),
                    seed.periodStart(), seed.periodEnd(), seed.currency(), seed.allocated(), clock.next(),
                    nextSeq()));
        }
        new TreeMap<>(ratesToUsd).forEach((currency, rate) -> rates.put(currency, new ExchangeRateRow(currency,
                ErpSeed.REPORTING_CURRENCY, rate, clock.next(), nextSeq())));
    }

    /** Finished cases the ERP starts with: an approved request, its paid claim, the payout. */
    synchronized void seedHistory(List<dev.accordhub.sandbox.erp.ErpHistorySeed> history) {
        for (var seed : history) {
            requests.put(seed.requestId(), new MdfRequestRow(seed.requestId(), seed.fundId(), seed.partnerAccount(),
                    seed.activity(), seed.country(), seed.currency(), seed.amount(), ODataErpStatus.APPROVED, null,
                    null, seed.paidAt(), nextSeq()));
            claims.put(seed.claimId(), new MdfClaimRow(seed.claimId(), seed.fundId(), seed.requestId(),
                    seed.partnerAccount(), seed.invoiceReference(), List.of(seed.proofReference()), seed.currency(),
                    seed.amount(), ODataErpStatus.PAID, null, null, seed.paidAt(), nextSeq()));
            payouts.put(seed.payoutId(), new PayoutRow(seed.payoutId(), seed.claimId(), seed.fundId(),
                    seed.currency(), seed.amount(), seed.paidAt(), nextSeq()));
        }
    }

    synchronized List<MdfFundRow> funds() {
        return List.copyOf(funds.values());
    }

    synchronized List<MdfRequestRow> requests() {
        return List.copyOf(requests.values());
    }

    synchronized List<MdfClaimRow> claims() {
        return List.copyOf(claims.values());
    }

    synchronized List<PayoutRow> payouts() {
        return List.copyOf(payouts.values());
    }

    synchronized List<ExchangeRateRow> rates() {
        return List.copyOf(rates.values());
    }

    synchronized Optional<MdfFundRow> fund(String id) {
        return Optional.ofNullable(funds.get(id));
    }

    synchronized Optional<MdfRequestRow> request(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    synchronized Optional<MdfClaimRow> claim(String id) {
        return Optional.ofNullable(claims.get(id));
    }

    synchronized long changeSeq() {
        return changeSeq;
    }

    /** Inserts a submitted request after the checks the ERP's data entity makes; the ERP sets status and stamps. */
    synchronized MdfRequestRow create(MdfRequestRow draft) {
        require(draft.requestId(), "RequestId");
        if (requests.containsKey(draft.requestId())) {
            throw new ODataErpException(409, "DuplicateKey", "MdfRequests already has RequestId '"
                    + draft.requestId() + "'");
        }
        require(draft.activity(), "Activity");
        MdfFundRow fund = fundFor(draft.fundId(), draft.partnerAccount(), draft.currencyCode(), draft.amount());
        MdfRequestRow row = new MdfRequestRow(draft.requestId(), fund.fundId(), fund.partnerAccount(),
                draft.activity(), draft.country(), fund.currencyCode(), draft.amount(), ODataErpStatus.SUBMITTED,
                null, draft.submittedBy(), clock.next(), nextSeq());
        requests.put(row.requestId(), row);
        return row;
    }

    /** Inserts a submitted claim; whether it is any good is the finance process's call, not the insert's. */
    synchronized MdfClaimRow create(MdfClaimRow draft) {
        require(draft.claimId(), "ClaimId");
        if (claims.containsKey(draft.claimId())) {
            throw new ODataErpException(409, "DuplicateKey", "MdfClaims already has ClaimId '" + draft.claimId()
                    + "'");
        }
        MdfFundRow fund = fundFor(draft.fundId(), draft.partnerAccount(), draft.currencyCode(), draft.amount());
        require(draft.requestId(), "RequestId");
        MdfRequestRow request = requests.get(draft.requestId());
        if (request == null || !request.fundId().equals(fund.fundId())) {
            throw new ODataErpException(400, "InvalidReference", "RequestId '" + draft.requestId()
                    + "' is not a request of fund " + fund.fundId());
        }
        MdfClaimRow row = new MdfClaimRow(draft.claimId(), fund.fundId(), request.requestId(),
                fund.partnerAccount(), blankToNull(draft.invoiceReference()), draft.proofReferences(),
                fund.currencyCode(), draft.amount(), ODataErpStatus.SUBMITTED, null, draft.submittedBy(),
                clock.next(), nextSeq());
        claims.put(row.claimId(), row);
        return row;
    }

    synchronized void update(MdfRequestRow row) {
        requests.put(row.requestId(), row);
    }

    synchronized void update(MdfClaimRow row) {
        claims.put(row.claimId(), row);
    }

    synchronized void insert(PayoutRow row) {
        payouts.put(row.payoutId(), row);
    }

    synchronized long nextSeq() {
        return ++changeSeq;
    }

    Instant now() {
        return clock.next();
    }

    private MdfFundRow fundFor(String fundId, String partnerAccount, String currency, BigDecimal amount) {
        require(fundId, "FundId");
        MdfFundRow fund = funds.get(fundId);
        if (fund == null) {
            throw new ODataErpException(400, "InvalidReference", "FundId '" + fundId + "' is not a fund");
        }
        if (partnerAccount != null && !partnerAccount.equals(fund.partnerAccount())) {
            throw new ODataErpException(400, "InvalidValue", "PartnerAccount '" + partnerAccount
                    + "' does not own fund " + fundId);
        }
        require(currency, "CurrencyCode");
        if (!currency.equals(fund.currencyCode())) {
            throw new ODataErpException(400, "InvalidValue", "CurrencyCode " + currency + " is not the currency of"
                    + " fund " + fundId + " (" + fund.currencyCode() + ")");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new ODataErpException(400, "InvalidValue", "Amount must be positive, got " + amount);
        }
        return fund;
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new ODataErpException(400, "MissingValue", property + " must be set");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** What the process needs to decide: every document of one fund, read under the store's lock. */
    synchronized FundBooks books(String fundId) {
        List<MdfRequestRow> fundRequests = new ArrayList<>();
        requests.values().stream().filter(r -> r.fundId().equals(fundId)).forEach(fundRequests::add);
        List<MdfClaimRow> fundClaims = new ArrayList<>();
        claims.values().stream().filter(c -> c.fundId().equals(fundId)).forEach(fundClaims::add);
        return new FundBooks(funds.get(fundId), fundRequests, fundClaims);
    }

    record FundBooks(MdfFundRow fund, List<MdfRequestRow> requests, List<MdfClaimRow> claims) {
    }
}
