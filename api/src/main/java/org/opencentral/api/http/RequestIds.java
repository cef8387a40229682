package org.opencentral.api.http;

import io.javalin.http.Context;
import java.util.UUID;

/** A fresh id per request, sent back as {@code x-ms-request-id} and written into error bodies. */
public final class RequestIds {
    public static final String HEADER = "x-ms-request-id";
    private static final String ATTRIBUTE = "opencentral.requestId";

    private RequestIds() {
    }

    /** Assigns the request's id (run first, for every request). */
    public static void assign(Context ctx) {
        String id = UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "unassigned" : id;
    }
}
