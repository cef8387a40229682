package org.opencentral.api.exports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.Json;
import org.opencentral.core.JsonMergePatch;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportJson;
import org.opencentral.platform.export.ExportService;

/**
 * Exports: GET (one, or a page with {@code nextLink}), PUT creates or replaces, PATCH is a JSON merge
 * patch of the export, DELETE answers 204. The body's {@code id} and status members are read-only and
 * ignored; the path names the export.
 */
final class ExportHandlers {
    private static final String ID = "exportId";
    private final ExportService exports;

    ExportHandlers(ExportService exports) {
        this.exports = exports;
    }

    void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        var page = exports.exports(paging.after(), paging.size());
        paging.answer(call, page.items().stream().map(this::toJson).toList(), page.next());
    }

    void listOfDestination(ApiCall call) {
        String destination = call.pathParam("destinationId");
        DevicePaging paging = DevicePaging.of(call);
        var page = exports.exportsTo(destination, paging.after(), paging.size());
        paging.answer(call, page.items().stream().map(this::toJson).toList(), page.next());
    }

    void get(ApiCall call) {
        call.json(200, toJson(exports.export(call.pathParam(ID))));
    }

    void put(ApiCall call) throws IOException {
        String id = call.pathParam(ID);
        Export export = ExportJson.read(id, call.bodyObject());
        exports.findExport(id).ifPresent(existing -> call.auditBefore(toJson(existing)));
        call.json(200, toJson(exports.putExport(export)));
    }

    void patch(ApiCall call) throws IOException {
        Export current = exports.export(call.pathParam(ID));
        ObjectNode before = toJson(current);
        call.auditBefore(before);
        ObjectNode merged = (ObjectNode) JsonMergePatch.apply(before, call.bodyObject());
        call.json(200, toJson(exports.putExport(ExportJson.read(current.id(), merged))));
    }

    void delete(ApiCall call) {
        Export current = exports.export(call.pathParam(ID));
        call.auditBefore(toJson(current));
        exports.deleteExport(current.id());
        call.noContent();
    }

    /** The delivery counters of every export and destination (an extension: IoT Central shows no such numbers). */
    void metrics(ApiCall call) {
        ObjectNode answer = Json.object();
        var list = answer.putArray("value");
        exports.counters().forEach(c -> list.addObject().put("exportId", c.exportId())
                .put("destinationId", c.destinationId()).put("sent", c.sent()).put("failed", c.failed())
                .put("retries", c.retries()).put("lagEvents", c.lagEvents()).put("lagSeconds", c.lagSeconds()));
        call.json(200, answer);
    }

    private ObjectNode toJson(Export export) {
        return exports.status(export).writeTo(ExportJson.write(export));
    }
}
