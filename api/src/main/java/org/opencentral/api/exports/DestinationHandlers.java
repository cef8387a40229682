package org.opencentral.api.exports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.Json;
import org.opencentral.core.JsonMergePatch;
import org.opencentral.core.export.Destination;
import org.opencentral.core.export.DestinationJson;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.platform.export.ExportService;
import org.opencentral.platform.export.MaskedSecrets;

/**
 * Destinations: like exports, with secrets (secret customizations, authorization values, client
 * secrets) answered as {@value MaskedSecrets#MASK}; a PUT or PATCH that sends the mask back keeps the
 * stored secret. Types OpenCentral does not deliver to are refused (400 naming the type).
 */
final class DestinationHandlers {
    private static final String ID = "destinationId";
    private final ExportService exports;

    DestinationHandlers(ExportService exports) {
        this.exports = exports;
    }

    void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        var page = exports.destinations(paging.after(), paging.size());
        paging.answer(call, page.items().stream().map(this::toJson).toList(), page.next());
    }

    /** An export's destinations in its order, each with the export's transform for it (one page). */
    void listOfExport(ApiCall call) {
        Export export = exports.export(call.pathParam("exportId"));
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        for (DestinationReference reference : export.destinations()) {
            ObjectNode item = toJson(exports.destination(reference.id()));
            reference.transform().ifPresent(t -> item.put("transform", t));
            value.add(item);
        }
        call.json(200, body);
    }

    void get(ApiCall call) {
        call.json(200, toJson(exports.destination(call.pathParam(ID))));
    }

    void put(ApiCall call) throws IOException {
        String id = call.pathParam(ID);
        ObjectNode body = call.bodyObject();
        Optional<Destination> existing = exports.findDestination(id);
        existing.ifPresent(d -> call.auditBefore(toJson(d)));
        Destination destination = DestinationJson.read(id, body, MaskedSecrets.replacing(existing));
        call.json(200, toJson(exports.putDestination(destination)));
    }

    void patch(ApiCall call) throws IOException {
        Destination current = exports.destination(call.pathParam(ID));
        ObjectNode before = toJson(current);
        call.auditBefore(before);
        ObjectNode merged = (ObjectNode) JsonMergePatch.apply(before, call.bodyObject());
        Destination changed = DestinationJson.read(current.id(), merged, MaskedSecrets.replacing(Optional.of(current)));
        call.json(200, toJson(exports.putDestination(changed)));
    }

    void delete(ApiCall call) {
        Destination current = exports.destination(call.pathParam(ID));
        call.auditBefore(toJson(current));
        exports.deleteDestination(current.id());
        call.noContent();
    }

    private ObjectNode toJson(Destination destination) {
        return exports.status(destination).writeTo(DestinationJson.write(destination, MaskedSecrets.answering()));
    }
}
