package org.opencentral.platform.export.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@link BatchSender} of a destination that takes one message per request ({@link Sender}):
 * sends one batch's messages on up to {@value #LANES} lanes at once: a device's messages always go
 * to the same lane (by its id's hash; messages about no device to lane 0), and a lane sends its
 * messages one after another in log order, {@link Sender#perRequest()} per request (a webhook
 * with a {@code batchSize}; one otherwise), stopping at its first refusal. So per-device order holds
 * while several devices' requests are in flight. The outcome is the earliest refused message in log
 * order, if any (the first message of the refused request): every message before it was accepted
 * (lanes may have sent some after it; those are sent again on the retry, which at-least-once allows).
 */
public final class Lanes implements BatchSender {
    static final int LANES = 16;

    private final Sender sender;

    public Lanes(Sender sender) {
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    @Override
    public Optional<Refusal> send(List<Outgoing> outgoing, Runnable accepted) {
        List<List<Outgoing>> lanes = new ArrayList<>();
        for (int i = 0; i < LANES; i++) {
            lanes.add(new ArrayList<>());
        }
        outgoing.forEach(o -> lanes.get(o.device().map(d -> Math.floorMod(d.hashCode(), LANES)).orElse(0)).add(o));
        List<List<Outgoing>> used = lanes.stream().filter(l -> !l.isEmpty()).toList();
        if (used.size() == 1) {
            return lane(used.getFirst(), sender, accepted);
        }
        List<Future<Optional<Refusal>>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            used.forEach(lane -> results.add(executor.submit(() -> lane(lane, sender, accepted))));
        }
        Optional<Refusal> earliest = Optional.empty();
        for (Future<Optional<Refusal>> result : results) {
            Optional<Refusal> refusal = outcome(result);
            if (refusal.isPresent() && (earliest.isEmpty() || refusal.get().sequence() < earliest.get().sequence())) {
                earliest = refusal;
            }
        }
        return earliest;
    }

    private static Optional<Refusal> lane(List<Outgoing> lane, Sender sender, Runnable accepted) {
        int perRequest = sender.perRequest();
        for (int from = 0; from < lane.size(); from += perRequest) {
            List<Outgoing> request = lane.subList(from, Math.min(lane.size(), from + perRequest));
            try {
                sender.send(request.stream().map(Outgoing::json).toList());
            } catch (DeliveryFailure failure) {
                return Optional.of(new Refusal(request.getFirst().sequence(), failure));
            }
            request.forEach(o -> accepted.run());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> outcome(Future<Optional<Refusal>> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an export lane failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending an export batch", e);
        }
    }
}
