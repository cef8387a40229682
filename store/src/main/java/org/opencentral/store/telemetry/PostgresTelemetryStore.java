package org.opencentral.store.telemetry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.telemetry.TelemetryStore;

/** The production telemetry store on PostgreSQL (time-partitioned tables, see {@link PostgresTelemetrySchema}). */
public final class PostgresTelemetryStore {
    private static final int POOL_SIZE = 6;

    private PostgresTelemetryStore() {
    }

    /** Connects a pool to {@code jdbcUrl} and creates the tables if needed. The password is never logged. */
    public static TelemetryStore open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setPoolName("opencentral-telemetry");
        config.addDataSourceProperty("logServerErrorDetail", "false");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            SeriesDictionary dictionary = new SeriesDictionary(new UpsertedSeries());
            try (Connection connection = pool.getConnection()) {
                PostgresTelemetrySchema.create(connection);
                dictionary.load(connection);
            }
            Reads reads = new Reads() {
                @Override
                public <T> T with(org.opencentral.store.internal.FixedConnectionPool.Work<T> work)
                        throws SQLException {
                    try (Connection connection = pool.getConnection()) {
                        return work.run(connection);
                    }
                }
            };
            return new JdbcTelemetryStore(new PostgresTelemetryWriter(pool, dictionary),
                    new TelemetryReader(TelemetryDialect.POSTGRES, reads), () -> { });
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot open the telemetry store", e);
        }
    }
}
