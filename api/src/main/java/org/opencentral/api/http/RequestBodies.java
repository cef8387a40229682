package org.opencentral.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;

/**
 * Reads request bodies with a size limit (413 {@code MessageTooLarge} above it, checked against
 * {@code Content-Length} first and against the bytes actually read) and parses them as JSON
 * (400 with the parser's position on malformed input).
 */
public final class RequestBodies {
    private final long maxBytes;

    public RequestBodies(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The body's bytes; 413 when it is larger than the limit. */
    public byte[] read(long declaredLength, InputStream in) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        return bytes;
    }

    /** The JSON value of a body; {@link MissingNode} for an empty body. */
    public static JsonNode parse(byte[] bytes) {
        if (isBlank(bytes)) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = Optional.ofNullable(e.getLocation())
                    .map(l -> " at line " + l.getLineNr() + ", column " + l.getColumnNr()).orElse("");
            throw new ApiError(400, "InvalidJson", "the request body is not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiError(400, "InvalidJson", "the request body could not be read as JSON");
        }
    }

    /** The body as a JSON object; 400 when it is empty or anything else. */
    public static ObjectNode parseObject(byte[] bytes) {
        JsonNode node = parse(bytes);
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new ApiError(400, "InvalidJson", node.isMissingNode()
                ? "a JSON object body is required" : "the request body must be a JSON object");
    }

    private ApiError tooLarge() {
        return new ApiError(413, ErrorCode.PAYLOAD_TOO_LARGE.code(),
                "the request body exceeds the limit of " + maxBytes + " bytes");
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
