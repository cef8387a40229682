package org.opencentral.platform.export.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.export.ExportTable;

/**
 * {@code postgresql@v1}: a batch is one insert of rows into the destination's {@link ExportTable},
 * in log order, each row keyed by the message's {@link Outgoing#key()} (so a retried batch adds no
 * duplicate rows) with its device, {@code iotcentral-message-source} and enqueued time. The table
 * refusing the batch refuses it from its first message (nothing of it was committed).
 */
public final class PostgresSender implements BatchSender {
    private final ExportTable table;

    public PostgresSender(ExportTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<Refusal> send(List<Outgoing> outgoing, Runnable accepted) {
        if (outgoing.isEmpty()) {
            return Optional.empty();
        }
        try {
            table.insert(outgoing.stream().map(o -> new ExportTable.Row(o.key(), o.device(),
                    o.properties().getOrDefault("iotcentral-message-source", ""), o.enqueued(),
                    new String(o.json(), StandardCharsets.UTF_8))).toList());
        } catch (ExportTable.Refused refused) {
            return Optional.of(new Refusal(outgoing.getFirst().sequence(), new DeliveryFailure(refused.getMessage())));
        }
        outgoing.forEach(o -> accepted.run());
        return Optional.empty();
    }

    @Override
    public void close() {
        table.close();
    }
}
