package org.opencentral.api.templates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ETags;
import org.opencentral.core.Json;
import org.opencentral.core.store.Page;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.template.TemplateService;

/**
 * Device templates: GET (paged like devices), GET one, PUT publishes (200), PATCH changes the
 * envelope and cloud properties (200), DELETE (204; 409 while devices use the template).
 */
public final class TemplateHandlers {
    private final TemplateService templates;

    public TemplateHandlers(TemplateService templates) {
        this.templates = templates;
    }

    public void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call.query("maxpagesize"), call.query("$top"),
                call.query(DevicePaging.SKIP_TOKEN), call.query("$filter"), call.query("$orderby"));
        Page<DeviceTemplate> page = templates.list(paging.after(), paging.size());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(t -> value.add(TemplateJson.toJson(t)));
        page.next().ifPresent(next -> body.put("nextLink",
                paging.nextLink(call.url(), call.query("api-version").orElseThrow(), next)));
        call.json(200, body);
    }

    public void get(ApiCall call) {
        answer(call, templates.get(id(call)));
    }

    public void put(ApiCall call) throws Exception {
        String id = id(call);
        ObjectNode body = call.bodyObject();
        templates.find(id).ifPresent(t -> call.auditBefore(summary(t)));
        answer(call, templates.publish(id, TemplateJson.draft(id, body)));
    }

    public void patch(ApiCall call) throws Exception {
        String id = id(call);
        ObjectNode body = call.bodyObject();
        call.auditBefore(summary(templates.get(id)));
        Optional<String> ifMatch = ETags.precondition(call.header("If-Match"), TemplateJson.etag(body));
        answer(call, templates.patch(id, TemplateJson.draft(id, body), ifMatch));
    }

    public void delete(ApiCall call) {
        String id = id(call);
        call.auditBefore(summary(templates.get(id)));
        templates.delete(id);
        call.noContent();
    }

    private static String id(ApiCall call) {
        String id = call.pathParam("deviceTemplateId");
        if (!id.startsWith("dtmi:")) {
            throw org.opencentral.api.http.ApiError.badRequest("a device template id is a DTMI (dtmi:…;version)");
        }
        return id;
    }

    /** What the audit log keeps of a template: its envelope, not the whole model. */
    private static ObjectNode summary(DeviceTemplate template) {
        ObjectNode json = TemplateJson.toJson(template);
        json.remove("capabilityModel");
        json.put("modelId", template.modelId());
        return json;
    }

    private static void answer(ApiCall call, DeviceTemplate template) {
        call.header("ETag", ETags.quoted(template.etag()));
        call.json(200, TemplateJson.toJson(template));
    }
}
