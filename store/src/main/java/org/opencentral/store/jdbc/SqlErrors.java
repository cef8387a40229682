package org.opencentral.store.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;

/**
 * Turns a driver failure into a domain outcome: a lost, busy or full database (SQLite's
 * {@code SQLITE_FULL}, PostgreSQL's class 53, insufficient resources: a full disk) is
 * {@link ErrorCode#UNAVAILABLE} (the caller may retry), anything else is {@link ErrorCode#INTERNAL}.
 * Expected outcomes (conflict, not found, precondition failed) never travel as SQL errors: the
 * stores detect them from update counts, so no transaction is ever aborted by them.
 */
public final class SqlErrors {
    private SqlErrors() {
    }

    public static DomainException translate(SQLException e) {
        return new DomainException(isTransient(e) ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL,
                "state store failure: " + e.getMessage(), e);
    }

    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || (state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57P")))
                || e.getErrorCode() == 5 /* SQLITE_BUSY */ || e.getErrorCode() == 6 /* SQLITE_LOCKED */
                || e.getErrorCode() == 13 /* SQLITE_FULL */;
    }
}
