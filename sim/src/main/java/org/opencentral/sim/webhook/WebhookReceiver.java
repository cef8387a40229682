package org.opencentral.sim.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A data export's webhook receiver for the outage benchmark ({@code bench/export-outage}): answers
 * every POST whose body is an exported telemetry message (IoT Central's {@code default@v1}: a JSON
 * object) or a batch of them (a JSON array) with 200, after it appended one line per message to its
 * file and flushed it: the device id, the message's {@code telemetry.seq} (the load generator's
 * per-device number, {@code ingest --sequence-file}; -1 without one) and the arrival time in epoch
 * milliseconds, tab-separated. So a message it answered is in the file even if the process is killed
 * right after. A body it cannot read is a 400 (counted, nothing written). The file is appended to, so
 * a receiver started again on the same file continues it.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final BufferedWriter out;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private WebhookReceiver(HttpServer server, BufferedWriter out) {
        this.server = server;
        this.out = out;
    }

    /** Starts receiving on {@code address}, appending to {@code file}. */
    public static WebhookReceiver start(InetSocketAddress address, Path file) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        HttpServer server = HttpServer.create(address, 1024);
        WebhookReceiver receiver = new WebhookReceiver(server, out);
        server.createContext("/", receiver::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return receiver;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Messages written so far. */
    public long messages() {
        return messages.get();
    }

    /** Requests answered 400 so far. */
    public long refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            List<String> lines;
            try {
                lines = lines(JSON.readTree(body), System.currentTimeMillis());
            } catch (IOException | IllegalArgumentException e) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            write(lines);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** The lines of a message or a batch of messages. */
    static List<String> lines(JsonNode body, long arrivedMillis) {
        List<String> lines = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(message -> lines.add(line(message, arrivedMillis)));
        } else if (body != null && body.isObject()) {
            lines.add(line(body, arrivedMillis));
        } else {
            throw new IllegalArgumentException("not a JSON object or array");
        }
        return lines;
    }

    private static String line(JsonNode message, long arrivedMillis) {
        String device = message.path("deviceId").asText("");
        if (device.isEmpty()) {
            throw new IllegalArgumentException("a message without a deviceId");
        }
        return device + '\t' + message.path("telemetry").path("seq").asLong(-1) + '\t' + arrivedMillis;
    }

    private void write(List<String> lines) {
        synchronized (out) {
            try {
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        messages.addAndGet(lines.size());
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        synchronized (out) {
            out.close();
        }
    }
}
