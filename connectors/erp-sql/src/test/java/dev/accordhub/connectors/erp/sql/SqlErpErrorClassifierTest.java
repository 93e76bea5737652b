package dev.accordhub.connectors.erp.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accordhub.model.incentive.ErpRejectedException;
import dev.accordhub.model.source.SourceUnavailableException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class SqlErpErrorClassifierTest {

    private final SqlErpErrorClassifier classifier = new SqlErpErrorClassifier();

    @Test
    void connectionFailuresAreWorthRetrying() {
        assertThat(classify(new SQLException("connection refused", "08001"))).isInstanceOf(
                SourceUnavailableException.class);
        // H2 reports a broken connection with its own code, typed as a connection exception.
        assertThat(classify(new SQLNonTransientConnectionException("Connection is broken", "90067")))
                .isInstanceOf(SourceUnavailableException.class);
        // HikariCP, when no connection came within the timeout.
        assertThat(classify(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("pool - Connection is not available", "08S01"))))
                .isInstanceOf(SourceUnavailableException.class);
        assertThat(classify(new RuntimeException(new ConnectException("refused")))).isInstanceOf(
                SourceUnavailableException.class);
    }

    @Test
    void postgreSqlShuttingDownOrOverloadedOrADeadlockIsWorthRetrying() {
        assertThat(classify(new SQLException("terminating connection due to administrator command", "57P01")))
                .isInstanceOf(SourceUnavailableException.class);
        assertThat(classify(new SQLException("too many connections", "53300")))
                .isInstanceOf(SourceUnavailableException.class);
        assertThat(classify(new SQLException("deadlock detected", "40P01")))
                .isInstanceOf(SourceUnavailableException.class);
    }

    @Test
    void constraintAndDataErrorsAreRejectionsWithTheDatabasesMessage() {
        RuntimeException nullFund = classify(new DataIntegrityViolationException("wrapped",
                new SQLIntegrityConstraintViolationException("NULL not allowed for column \"FUND_ID\"", "23502")));
        assertThat(nullFund).isInstanceOf(ErpRejectedException.class)
                .hasMessage("ERP database failed inserting claim c-1: NULL not allowed for column \"FUND_ID\""
                        + " [SQLState 23502]");
        assertThat(classify(new UncategorizedSQLException("insert", "INSERT ...",
                new SQLException("value too long for type character varying(400)", "22001"))))
                .isInstanceOf(ErpRejectedException.class);
    }

    @Test
    void aDuplicateKeyIsRecognisedThroughSpringsWrapping() {
        assertThat(classifier.isDuplicateKey(new DuplicateKeyException("dup",
                new SQLIntegrityConstraintViolationException("Unique index violation", "23505")))).isTrue();
        assertThat(classifier.isDuplicateKey(new SQLException("check", "23513"))).isFalse();
        assertThat(classifier.isDuplicateKey(new RuntimeException("no SQL at all"))).isFalse();
    }

    @Test
    void aRefusedLoginOrAMissingTableIsAConfigurationError() {
        RuntimeException login = classify(new SQLTransientConnectionException("pool - not available", "28000",
                new SQLException("Wrong user name or password", "28000")));
        assertThat(login).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("username and password");
        assertThat(classify(new SQLException("Table \"MDF_CLAIM_IN\" not found", "42S02")))
                .isExactlyInstanceOf(IllegalStateException.class);
    }

    private RuntimeException classify(Throwable failure) {
        RuntimeException classified = classifier.classify(failure, "inserting claim c-1");
        assertThat(classified.getCause()).isSameAs(failure);
        return classified;
    }
}
