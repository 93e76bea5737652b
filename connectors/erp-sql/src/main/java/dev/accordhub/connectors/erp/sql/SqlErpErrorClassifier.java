package dev.accordhub.connectors.erp.sql;

import dev.accordhub.model.incentive.ErpRejectedException;
import dev.accordhub.model.source.SourceUnavailableException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Sorts a failure of the ERP's database into what the hub does with it, by the SQLStates and exception types of the
 * whole cause chain (camel-sql wraps the driver's exception in Spring's):
 * <ul>
 * <li>{@link SourceUnavailableException}, retry later: the connection (SQLState class 08, H2's
 *     {@link SQLNonTransientConnectionException}s, sockets), transient and recoverable exceptions (timeouts, pool
 *     exhausted), insufficient resources (53), operator intervention (57, e.g. PostgreSQL shutting down), transaction
 *     rollback (40: serialization failure, deadlock);</li>
 * <li>{@link ErpRejectedException}, for good: data exceptions (22: too long, out of range) and integrity constraint
 *     violations (23: not null, check) but the duplicate key 23505, which {@link #isDuplicateKey} tells apart so
 *     that a redelivered insert counts as done;</li>
 * <li>anything else, e.g. a refused login (28) or a missing table (42), is a configuration error:
 *     {@link IllegalStateException}.</li>
 * </ul>
 */
public final class SqlErpErrorClassifier {

    public static final String DUPLICATE_KEY = "23505";

    /** The exception to throw for {@code failure}, which happened while doing {@code what}. */
    public RuntimeException classify(Throwable failure, String what) {
        List<SQLException> sqlExceptions = sqlExceptions(failure);
        String message = "ERP database failed " + what + ": " + detail(failure, sqlExceptions);
        if (sqlExceptions.stream().anyMatch(e -> stateClass(e).equals("28"))) {
            return new IllegalStateException(message + " (check the ERP's username and password)", failure);
        }
        if (sqlExceptions.stream().anyMatch(SqlErpErrorClassifier::isUnavailable) || unavailableByType(failure)) {
            return new SourceUnavailableException(message, failure);
        }
        if (sqlExceptions.stream().anyMatch(e -> stateClass(e).equals("22") || stateClass(e).equals("23"))) {
            return new ErpRejectedException(message, failure);
        }
        return new IllegalStateException(message, failure);
    }

    /** Whether the failure is an insert of a key the table already holds. */
    public boolean isDuplicateKey(Throwable failure) {
        return sqlExceptions(failure).stream().anyMatch(e -> DUPLICATE_KEY.equals(e.getSQLState()));
    }

    private static boolean isUnavailable(SQLException e) {
        String stateClass = stateClass(e);
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException || stateClass.equals("08")
                || stateClass.equals("53") || stateClass.equals("57") || stateClass.equals("40");
    }

    private static boolean unavailableByType(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    private static List<SQLException> sqlExceptions(Throwable failure) {
        List<SQLException> found = new ArrayList<>();
        for (Throwable t = failure; t != null && found.size() < 20; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                found.add(sql);
            }
        }
        return found;
    }

    private static String stateClass(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.length() < 2 ? "" : state.substring(0, 2);
    }

    /** The database's own words: the innermost SQL message, with its SQLState. */
    private static String detail(Throwable failure, List<SQLException> sqlExceptions) {
        if (sqlExceptions.isEmpty()) {
            return String.valueOf(failure.getMessage());
        }
        SQLException innermost = sqlExceptions.get(sqlExceptions.size() - 1);
        return innermost.getMessage() + " [SQLState " + innermost.getSQLState() + "]";
    }
}
