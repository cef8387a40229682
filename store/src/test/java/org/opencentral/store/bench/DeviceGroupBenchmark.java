package org.opencentral.store.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.filter.Op;
import org.opencentral.core.group.DeviceGroupStore;
import org.opencentral.core.group.MemberFilter;
import org.opencentral.core.group.MemberFilter.Metadata;
import org.opencentral.core.group.MemberFilter.Property;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.contract.SharedPostgres;
import org.opencentral.store.postgres.PostgresStateStore;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * Benchmark (not a test): device group membership over {@code devices} devices (default 100,000),
 * each with reported properties and half of them simulated, on SQLite or PostgreSQL. Measures the
 * first page of members, counting all members, one membership check, and "which of 20 groups is
 * this device in", for the filter
 * {@code $template = "dtmi:bench:Pump;1" AND firmwareVersion = "1.2" AND $simulated = false}.
 *
 * <pre>args: sqlite|postgres [devices] [work directory]</pre>
 */
public final class DeviceGroupBenchmark {
    private static final String TEMPLATE = "dtmi:bench:Pump;1";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private DeviceGroupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args.length > 0 ? args[0] : "sqlite";
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path directory = Path.of(args.length > 2 ? args[2] : "/tmp/opencentral-group-bench");
        Files.createDirectories(directory);
        AesGcmSecretCipher cipher = AesGcmSecretCipher.random();
        String url;
        StateStore store;
        if (engine.equals("postgres")) {
            url = SharedPostgres.newSchemaUrl("groupbench");
            store = PostgresStateStore.open(url, "postgres", "postgres", cipher);
        } else {
            Path file = directory.resolve("state-" + System.nanoTime() + ".db");
            url = "jdbc:sqlite:" + file;
            store = SqliteStateStore.open(file, cipher);
            store.close();
        }
        long seeded = System.nanoTime();
        try (Connection connection = engine.equals("postgres")
                ? DriverManager.getConnection(url, "postgres", "postgres") : DriverManager.getConnection(url)) {
            seed(connection, devices);
        }
        System.out.printf("seeded %,d devices in %.1f s%n", devices, (System.nanoTime() - seeded) / 1e9);
        if (!engine.equals("postgres")) {
            store = SqliteStateStore.open(Path.of(url.substring("jdbc:sqlite:".length())), cipher);
        }
        try {
            measure(store.deviceGroups(), devices);
        } finally {
            store.close();
        }
    }

    private static void measure(DeviceGroupStore groups, int devices) {
        MemberFilter filter = new MemberFilter.All(List.of(
                new MemberFilter.Compare(Metadata.TEMPLATE, Op.EQ, new MemberFilter.Text(TEMPLATE)),
                new MemberFilter.Compare(new Property(List.of("firmwareVersion")), Op.EQ, new MemberFilter.Text("1.2")),
                new MemberFilter.Compare(Metadata.SIMULATED, Op.EQ, new MemberFilter.Bool(false))));
        Map<String, MemberFilter> twenty = new LinkedHashMap<>();
        for (int g = 0; g < 20; g++) {
            twenty.put("g" + g, new MemberFilter.Compare(new Property(List.of("maxTemp")), Op.GE,
                    new MemberFilter.Number(java.math.BigDecimal.valueOf(g * 5L))));
        }
        DeviceId one = DeviceId.of(id(devices / 2 + 62)); // a member, with maxTemp 62: in 13 of the 20 groups
        report("first page of 100 members", 20, () -> groups.members(filter, Optional.empty(), Optional.empty(), 100)
                .items().size());
        report("count of all members", 5, () -> groups.count(filter, Optional.empty()));
        report("walk all members, pages of 1000", 3, () -> walk(groups, filter));
        report("membership check of one device", 2_000, () -> groups.contains(filter, one) ? 1 : 0);
        report("which of 20 groups is one device in", 1_000, () -> groups.groupsOf(one, twenty).size());
    }

    private static long walk(DeviceGroupStore groups, MemberFilter filter) {
        long total = 0;
        Optional<String> after = Optional.empty();
        do {
            var page = groups.members(filter, Optional.empty(), after, 1000);
            total += page.items().size();
            after = page.next();
        } while (after.isPresent());
        return total;
    }

    private static void report(String what, int runs, LongSupplier work) {
        long result = work.getAsLong();
        for (int i = 0; i < Math.min(runs, 3); i++) {
            work.getAsLong();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("%-40s result %,9d  median %9.3f ms  p90 %9.3f ms  (%d runs)%n", what, result,
                nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.9)] / 1e6, runs);
    }

    private static String id(int n) {
        return String.format("dev-%07d", n);
    }

    /** Devices with twins: a quarter per firmware version, half simulated, every tenth without a template. */
    private static void seed(Connection connection, int devices) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement device = connection.prepareStatement("INSERT INTO devices (id, display_name, template, "
                + "enabled, simulated, provisioned, etag, primary_key, secondary_key, connected, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement twin = connection.prepareStatement("INSERT INTO twins (device_id, desired_properties, "
                        + "desired_metadata, desired_version, reported_properties, reported_metadata, reported_version) "
                        + "VALUES (?, '{}', '{}', 1, ?, '{}', 2)")) {
            for (int n = 0; n < devices; n++) {
                String id = id(n);
                device.setString(1, id);
                device.setString(2, "Pump " + n);
                device.setString(3, n % 10 == 0 ? null : TEMPLATE);
                device.setBoolean(4, true);
                device.setBoolean(5, n % 2 == 1);
                device.setBoolean(6, false);
                device.setString(7, "e" + n);
                device.setString(8, KEY);
                device.setString(9, KEY);
                device.setBoolean(10, false);
                device.setLong(11, 0);
                device.addBatch();
                twin.setString(1, id);
                twin.setString(2, "{\"firmwareVersion\":\"1." + (n % 4) + "\",\"maxTemp\":" + (n % 100)
                        + ",\"serialNumber\":\"SN-" + n + "\"}");
                twin.addBatch();
                if (n % 5_000 == 4_999) {
                    device.executeBatch();
                    twin.executeBatch();
                }
            }
            device.executeBatch();
            twin.executeBatch();
        }
        connection.commit();
    }
}
