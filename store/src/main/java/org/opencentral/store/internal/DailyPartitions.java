package org.opencentral.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Daily range partitions of one PostgreSQL table partitioned by a BIGINT time column counted in
 * {@code unitsPerSecond} since the epoch. Partitions are named {@code <parent>_pYYYYMMDD}; they are
 * created on demand (and the next day's ahead of time) and dropped whole by retention. DDL cannot
 * take bind parameters: names and bounds are built only from dates and numbers, never from input.
 */
public final class DailyPartitions {
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final long SECONDS_PER_DAY = 86_400;
    private static final String CHILDREN = "SELECT c.relname FROM pg_inherits i "
            + "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
            + "JOIN pg_namespace n ON n.oid = p.relnamespace WHERE p.relname = ? AND n.nspname = current_schema()";

    private final String parent;
    private final long unitsPerSecond;
    private final Pattern childName;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    public DailyPartitions(String parent, long unitsPerSecond) {
        if (!parent.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain table name: " + parent);
        }
        this.parent = parent;
        this.unitsPerSecond = unitsPerSecond;
        this.childName = Pattern.compile(Pattern.quote(parent) + "_p(\\d{8})");
    }

    /** The UTC day of a time in this table's units. */
    public LocalDate dayOf(long time) {
        return LocalDate.ofEpochDay(Math.floorDiv(time, SECONDS_PER_DAY * unitsPerSecond));
    }

    public long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * unitsPerSecond;
    }

    /** Creates the partitions of {@code days} and of the day after each, unless known to exist. */
    public void ensure(Connection connection, Collection<LocalDate> days) throws SQLException {
        for (LocalDate day : days) {
            create(connection, day);
            create(connection, day.plusDays(1));
        }
    }

    private void create(Connection connection, LocalDate day) throws SQLException {
        if (known.contains(day)) {
            return;
        }
        String sql = "CREATE TABLE IF NOT EXISTS " + name(day) + " PARTITION OF " + parent
                + " FOR VALUES FROM (" + startOf(day) + ") TO (" + startOf(day.plusDays(1)) + ")";
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        known.add(day);
    }

    /** Drops every partition of a day before {@code firstKept}; returns how many. */
    public int dropBefore(Connection connection, LocalDate firstKept) throws SQLException {
        int dropped = 0;
        for (LocalDate day : existingDays(connection)) {
            if (day.isBefore(firstKept)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE IF EXISTS " + name(day));
                }
                known.remove(day);
                dropped++;
            }
        }
        return dropped;
    }

    private List<LocalDate> existingDays(Connection connection) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CHILDREN)) {
            statement.setString(1, parent);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Matcher matcher = childName.matcher(rows.getString(1));
                    if (matcher.matches()) {
                        days.add(LocalDate.parse(matcher.group(1), SUFFIX));
                    }
                }
            }
        }
        days.sort(null);
        return days;
    }

    private String name(LocalDate day) {
        return parent + "_p" + day.format(SUFFIX);
    }
}
