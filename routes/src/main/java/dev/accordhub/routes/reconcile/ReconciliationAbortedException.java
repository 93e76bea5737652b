package dev.accordhub.routes.reconcile;

/** A source the run had to give up on (budget, rate limits, outage): its reason goes into the report. */
class ReconciliationAbortedException extends RuntimeException {

    ReconciliationAbortedException(String message) {
        super(message);
    }
}
