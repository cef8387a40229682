package org.opencentral.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqlErrorsTest {

    @Test
    void aFullDiskIsUnavailableNotAnInternalError() {
        assertThat(SqlErrors.translate(new SQLiteException("database or disk is full", SQLiteErrorCode.SQLITE_FULL))
                .code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(SqlErrors.translate(new SQLException("could not extend file: No space left on device", "53100"))
                .code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void aBusyDatabaseIsUnavailableAndAConstraintIsInternal() {
        assertThat(SqlErrors.translate(new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY))
                .code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(SqlErrors.translate(new SQLiteException("constraint failed", SQLiteErrorCode.SQLITE_CONSTRAINT))
                .code()).isEqualTo(ErrorCode.INTERNAL);
    }
}
