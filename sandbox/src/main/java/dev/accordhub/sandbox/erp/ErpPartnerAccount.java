package dev.accordhub.sandbox.erp;

import java.util.Objects;

/**
 * A partner's account in an ERP (its vendor account, which MDF is paid to), carrying the partner's id in the
 * program's CRM, as ERPs integrated with a CRM do. The hub finds the golden partner through {@code crmAccountId}.
 *
 * @param country ISO 3166 alpha-2; decides the fund's currency
 */
public record ErpPartnerAccount(String crmAccountId, String name, String country) {

    public ErpPartnerAccount {
        Objects.requireNonNull(crmAccountId, "crmAccountId");
        Objects.requireNonNull(country, "country");
    }
}
