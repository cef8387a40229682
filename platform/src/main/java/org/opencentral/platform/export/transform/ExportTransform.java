package org.opencentral.platform.export.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.platform.background.BackgroundLoop;

/**
 * A jq transform of one export destination, compiled once (jq 1.6 as jackson-jq implements it, with
 * IoT Central's {@code iotc} module). {@link #apply} runs it on one transform input: every output is
 * a message to send (none: nothing is sent), each must be a JSON object. A run that fails, produces
 * more than {@value #MAX_OUTPUTS} outputs or takes longer than its time limit is a
 * {@link Result.Failed}; the run happens on a daemon worker thread so that the caller can give up
 * on it (jackson-jq cannot be interrupted: an abandoned run ends on its own, off the caller's path).
 */
public final class ExportTransform {
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(1);
    static final int MAX_OUTPUTS = 1000;
    private static final Version VERSION = Versions.JQ_1_6;
    private static final Pattern IMPORT = Pattern.compile("\\b(import|include)\\s+\"([^\"]*)\"");
    private static final Scope ROOT = root();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("export-transform-", 0).daemon().priority(BackgroundLoop.PRIORITY).factory());

    /** The outcome of one run. */
    public sealed interface Result {
        /** The messages to send, in the order the transform produced them (possibly none). */
        record Outputs(List<ObjectNode> messages) implements Result {
            public Outputs {
                messages = List.copyOf(messages);
            }
        }

        /** The transform failed on this input; {@code reason} says why. */
        record Failed(String reason) implements Result {
            public Failed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    private final String source;
    private final JsonQuery query;
    private final Duration limit;

    private ExportTransform(String source, JsonQuery query, Duration limit) {
        this.source = source;
        this.query = query;
        this.limit = limit;
    }

    /**
     * Compiles {@code source}; a syntax error is an {@link ErrorCode#INVALID_TRANSFORM} naming line and
     * column, and so is an import of any module but {@code iotc}.
     */
    public static ExportTransform compile(String source) {
        return compile(source, DEFAULT_LIMIT);
    }

    /** As {@link #compile(String)}, with runs given up after {@code limit}. */
    public static ExportTransform compile(String source, Duration limit) {
        Objects.requireNonNull(source, "source");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (source.isBlank()) {
            throw new DomainException(ErrorCode.INVALID_TRANSFORM, "the transform is empty");
        }
        Matcher imported = IMPORT.matcher(source);
        while (imported.find()) {
            if (!IotcModules.IOTC.equals(imported.group(2))) {
                throw new DomainException(ErrorCode.INVALID_TRANSFORM, "the transform " + imported.group(1) + "s \""
                        + imported.group(2) + "\"; only \"iotc\" can be imported");
            }
        }
        try {
            return new ExportTransform(source, JsonQuery.compile(source, VERSION), limit);
        } catch (JsonQueryException | RuntimeException e) {
            throw new DomainException(ErrorCode.INVALID_TRANSFORM, "the transform does not compile: " + position(e));
        }
    }

    public String source() {
        return source;
    }

    /** Runs the transform on {@code input} within the time limit. */
    public Result apply(JsonNode input) {
        Future<Result> run = WORKERS.submit(() -> run(input));
        try {
            return run.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return new Result.Failed("the transform ran longer than " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Result.Failed("the transform failed: " + oneLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Failed("interrupted while the transform ran");
        }
    }

    private Result run(JsonNode input) {
        List<ObjectNode> outputs = new ArrayList<>();
        try {
            query.apply(Scope.newChildScope(ROOT), input, out -> {
                if (!(out instanceof ObjectNode object)) {
                    throw new JsonQueryException("output " + (outputs.size() + 1) + " is " + out.getNodeType()
                            .name().toLowerCase(java.util.Locale.ROOT) + ", not an object; a transform must produce JSON objects");
                }
                if (outputs.size() == MAX_OUTPUTS) {
                    throw new JsonQueryException("the transform produced more than " + MAX_OUTPUTS + " outputs");
                }
                outputs.add(object);
            });
        } catch (JsonQueryException e) {
            return new Result.Failed("the transform failed: " + oneLine(e));
        } catch (StackOverflowError e) {
            return new Result.Failed("the transform failed: recursion too deep");
        }
        return new Result.Outputs(outputs);
    }

    /** The parser's message that names line and column (the innermost cause), else the outermost message. */
    private static String position(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return oneLine(innermost.getMessage() != null && innermost.getMessage().contains("line") ? innermost : e);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static Scope root() {
        Scope builtins = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(VERSION, builtins);
        Scope root = Scope.newChildScope(builtins);
        root.setModuleLoader(new IotcModules(builtins, VERSION));
        return root;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportTransform t && source.equals(t.source) && limit.equals(t.limit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, limit);
    }

    @Override
    public String toString() {
        return "ExportTransform[" + source + "]";
    }
}
