package dev.accordhub.routes.incentive;

import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accord.incentives.*}: the currency balances are reported in (each ERP's rate table must convert into it),
 * how many documents of each kind one ERP read fetches, and how often each ERP is asked (a program's
 * {@code erp.poll-interval-ms} overrides it).
 */
@ConfigurationProperties("accord.incentives")
public record IncentiveProperties(String reportingCurrency, Integer pageSize, Long pollIntervalMs) {

    public IncentiveProperties {
        reportingCurrency = reportingCurrency == null ? "USD" : reportingCurrency;
        pageSize = pageSize == null ? 200 : pageSize;
        pollIntervalMs = pollIntervalMs == null ? 200L : pollIntervalMs;
        try {
            Currency.getInstance(reportingCurrency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("accord.incentives.reporting-currency: '" + reportingCurrency
                    + "' is not an ISO 4217 code");
        }
        if (pageSize < 1 || pageSize > 5000 || pollIntervalMs < 10) {
            throw new IllegalArgumentException("accord.incentives.page-size must be 1..5000 and poll-interval-ms >= 10");
        }
    }
}
