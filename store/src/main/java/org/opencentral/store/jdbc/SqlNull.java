package org.opencentral.store.jdbc;

import java.sql.Types;

/** A typed SQL NULL for {@link Jdbc}'s parameter binding (both drivers want a type). */
public enum SqlNull {
    TEXT(Types.VARCHAR),
    BIGINT(Types.BIGINT);

    private final int sqlType;

    SqlNull(int sqlType) {
        this.sqlType = sqlType;
    }

    int sqlType() {
        return sqlType;
    }
}
