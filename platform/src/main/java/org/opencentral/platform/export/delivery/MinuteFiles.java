package org.opencentral.platform.export.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Blob storage's export layout, shared by {@code blobstorage@v1} and {@code folder@v1}: a message goes
 * to {@code {applicationId}/{partition}/{yyyy}/{MM}/{dd}/{HH}/{mm}/{exportId}.json} (the minute of its
 * enqueued time, UTC; partition {@code 0}, OpenCentral's event log being one ordered partition), one
 * JSON message per line. A batch is cut into runs of consecutive messages for the same file, appended
 * in log order, each run at once ({@link Files#append}); a failed run refuses the batch from its first
 * message, the runs before it accepted. Appending again what a lost cursor save sends again repeats
 * lines, which at-least-once allows; nothing is lost because the cursor moves only after the append.
 */
public final class MinuteFiles implements BatchSender {
    /** The partition of every path: the event log is a single ordered partition. */
    public static final String PARTITION = "0";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/mm")
            .withZone(ZoneOffset.UTC);

    /** Where the files are kept: appends whole lines to a file, durably, before returning. */
    public interface Files extends AutoCloseable {
        void append(String path, byte[] lines) throws IOException;

        @Override
        default void close() {
        }
    }

    private final Files files;

    public MinuteFiles(Files files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    /** The path of {@code outgoing}'s file. */
    public static String path(Outgoing outgoing) {
        String application = outgoing.properties().getOrDefault("iotcentral-application-id", "application");
        String export = outgoing.key().substring(0, Math.max(0, outgoing.key().indexOf(':')));
        return application + "/" + PARTITION + "/" + MINUTE.format(outgoing.enqueued()) + "/" + export + ".json";
    }

    @Override
    public Optional<Refusal> send(List<Outgoing> outgoing, Runnable accepted) {
        for (List<Outgoing> run : runs(outgoing)) {
            String path = path(run.getFirst());
            try {
                files.append(path, lines(run));
            } catch (IOException | RuntimeException e) {
                return Optional.of(new Refusal(run.getFirst().sequence(),
                        new DeliveryFailure("appending to '" + path + "': " + e.getMessage())));
            }
            run.forEach(o -> accepted.run());
        }
        return Optional.empty();
    }

    private static List<List<Outgoing>> runs(List<Outgoing> outgoing) {
        List<List<Outgoing>> runs = new ArrayList<>();
        String current = null;
        for (Outgoing o : outgoing) {
            String path = path(o);
            if (!path.equals(current)) {
                runs.add(new ArrayList<>());
                current = path;
            }
            runs.getLast().add(o);
        }
        return runs;
    }

    private static byte[] lines(List<Outgoing> run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Outgoing o : run) {
            bytes.writeBytes(o.json());
            bytes.write('\n');
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        files.close();
    }
}
