package org.opencentral.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencentral.core.Json;

/**
 * A real HTTP receiver for tests (the JDK's server on 127.0.0.1, an ephemeral port): keeps every
 * request it gets, in order, and answers each with the status the test last set (200 at first).
 */
public final class HttpReceiver implements AutoCloseable {
    /** One request as received. */
    public record Request(String method, String path, Optional<String> query, Map<String, List<String>> headers,
            byte[] body) {
        public Request {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        /** The first value of a header, by case-insensitive name. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().getFirst()).findFirst();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        public JsonNode json() {
            return Json.parse(body);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger status = new AtomicInteger(200);

    private HttpReceiver(HttpServer server) {
        this.server = server;
    }

    /** A receiver listening now. */
    public static HttpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            HttpReceiver receiver = new HttpReceiver(server);
            server.createContext("/", exchange -> {
                receiver.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Optional.ofNullable(exchange.getRequestURI().getQuery()), exchange.getRequestHeaders(),
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(receiver.status.get(), -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests with {@code status}. */
    public void answer(int newStatus) {
        status.set(newStatus);
    }

    /** The oldest request not taken yet, if any. */
    public Optional<Request> take() {
        return Optional.ofNullable(requests.poll());
    }

    /** How many requests wait to be taken. */
    public int waiting() {
        return requests.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
