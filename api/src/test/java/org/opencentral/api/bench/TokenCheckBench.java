package org.opencentral.api.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.security.RoleCatalog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * CPU time of one API-token check ({@link ApiTokenService#authenticate}, what every REST call with
 * an {@code Authorization} header pays) over a real SQLite state store holding {@code tokens}
 * tokens, the presented one chosen at random. Measured as this thread's CPU time, which depends
 * less on other load than wall time; rounds alternate so that drift shows.
 *
 * <p>Arguments: tokens (100), checks per round (200000), rounds (5).
 */
public final class TokenCheckBench {
    private TokenCheckBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int checks = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("oc-token-bench");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (StateStore state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random())) {
            ApiTokenService service = new ApiTokenService(state.apiTokens(),
                    new RoleCatalog(state.roles(), Clock.systemUTC()), "bench-app", Clock.systemUTC());
            String[] tokens = new String[count];
            for (int i = 0; i < count; i++) {
                tokens[i] = service.create("bench-" + i, List.of(RoleAssignment.of(BuiltInRole.APP_OPERATOR.id())),
                        Optional.empty()).value();
            }
            run(service, tokens, checks, threads); // warm-up
            for (int round = 1; round <= rounds; round++) {
                double micros = run(service, tokens, checks, threads);
                System.out.printf("round %d: %,d checks, %.2f µs CPU per check, load %s%n", round, checks, micros,
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
    }

    private static double run(ApiTokenService service, String[] tokens, int checks, ThreadMXBean threads) {
        long start = threads.getCurrentThreadCpuTime();
        int accepted = 0;
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < checks; i++) {
            if (service.authenticate(tokens[random.nextInt(tokens.length)]).principal().isPresent()) {
                accepted++;
            }
        }
        if (accepted != checks) {
            throw new IllegalStateException("only " + accepted + " of " + checks + " checks passed");
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / checks;
    }
}
