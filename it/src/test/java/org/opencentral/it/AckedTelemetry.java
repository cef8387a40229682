package org.opencentral.it;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.opencentral.testkit.TestDevice;

/**
 * QoS 1 load from one device that behaves as an SDK does through a fault: it sends numbered messages
 * ({@code {"n": …}}) with up to {@code inFlight} awaiting their PUBACK, and whenever its connection is
 * gone (closed by the server, keep-alive expired, refused) it connects again, every half second until
 * the server takes it. It remembers the numbers the server acknowledged; a fault test then checks that
 * each of them is stored ({@link KillNineTest#storedNumbers}).
 */
final class AckedTelemetry implements AutoCloseable {
    private static final Duration RETRY = Duration.ofMillis(500);

    private final TestDevice device;
    private final int keepAliveSeconds;
    private final Semaphore window;
    private final int inFlight;
    private final Set<Integer> acked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final Thread sender;

    private AckedTelemetry(TestDevice device, int keepAliveSeconds, int inFlight, int firstNumber) {
        this.device = device;
        this.keepAliveSeconds = keepAliveSeconds;
        this.inFlight = inFlight;
        this.window = new Semaphore(inFlight);
        this.sender = Thread.ofVirtual().name("acked-telemetry-" + firstNumber).start(() -> send(firstNumber));
    }

    /** Starts sending from {@code device} (not yet connected), numbering from {@code firstNumber}. */
    static AckedTelemetry start(TestDevice device, int keepAliveSeconds, int inFlight, int firstNumber) {
        return new AckedTelemetry(device, keepAliveSeconds, inFlight, firstNumber);
    }

    private void send(int firstNumber) {
        boolean up = false;
        for (int n = firstNumber; sending.get(); ) {
            if (!device.isConnected()) {
                up = false;
                connect();
                continue;
            }
            if (!up) {
                // counted here, not when connect() returns: a CONNECT still pending when its wait timed out
                // (the server frozen) completes later by itself
                up = true;
                connects.incrementAndGet();
            }
            if (!window.tryAcquire()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                continue;
            }
            int number = n++;
            device.sendTelemetry("{\"n\": " + number + "}").whenComplete((ok, error) -> {
                if (error == null) {
                    acked.add(number);
                } else {
                    failed.incrementAndGet();
                }
                window.release();
            });
        }
    }

    /** One attempt; after a refusal, a timeout or while an earlier attempt is still pending, waits a little. */
    private void connect() {
        attempts.incrementAndGet();
        try {
            device.connectWithKeepAlive(keepAliveSeconds);
        } catch (RuntimeException refusedUnreachableOrPending) {
            LockSupport.parkNanos(RETRY.toNanos());
        }
    }

    /** The numbers acknowledged so far. */
    Set<Integer> acked() {
        return new HashSet<>(acked);
    }

    int ackedCount() {
        return acked.size();
    }

    /** Sends that ended without a PUBACK (connection closed, refused, not connected). */
    int failedCount() {
        return failed.get();
    }

    /** Connections seen established, the first one included. */
    int connectCount() {
        return connects.get();
    }

    /** Connection attempts, refused and successful ones alike. */
    int connectAttempts() {
        return attempts.get();
    }

    /** Stops sending, waits up to 30 s for the answers of what is in flight, and returns what was acknowledged. */
    Set<Integer> stop() throws InterruptedException {
        sending.set(false);
        sender.join();
        if (window.tryAcquire(inFlight, 30, TimeUnit.SECONDS)) {
            window.release(inFlight);
        }
        return acked();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        device.close();
    }
}
