package org.opencentral.api.templates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ETags;
import org.opencentral.api.odata.Fields;
import org.opencentral.api.odata.ListOptions;
import org.opencentral.core.Json;
import org.opencentral.core.store.Page;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.dtdl.json.ModelJson;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.platform.template.TemplateService;

/**
 * Device templates: GET (paged like devices, with {@code $filter}/{@code $orderby} over id and
 * displayName evaluated in memory by {@link TemplateListing}), GET one, PUT publishes (200), PATCH changes the
 * envelope and cloud properties (200), DELETE (204; 409 while devices use the template); and the
 * expanded model (an OpenCentral extension).
 */
public final class TemplateHandlers {
    private static final Fields<TemplateField> FIELDS = Fields.of(TemplateField.values());
    private final TemplateService templates;

    public TemplateHandlers(TemplateService templates) {
        this.templates = templates;
    }

    public void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call.query("maxpagesize"), call.query("$top"),
                call.query(DevicePaging.SKIP_TOKEN));
        ListOptions<TemplateField> options = ListOptions.read(call.query("$filter"), call.query("$orderby"), FIELDS);
        Page<DeviceTemplate> page = options.carried().isEmpty() ? templates.list(paging.after(), paging.size())
                : TemplateListing.page(templates, options, paging.after(), paging.size());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(t -> value.add(TemplateJson.toJson(t)));
        page.next().ifPresent(next -> body.put("nextLink", paging.nextLink(call.url(),
                call.query("api-version").orElseThrow(), next, options.carried())));
        call.json(200, body);
    }

    public void get(ApiCall call) {
        answer(call, templates.get(id(call)));
    }

    /**
     * OpenCentral extension {@code GET …/{id}/model}: the template's model expanded by the DTDL
     * parser: inherited contents included, every component's schema and every schema reference
     * resolved in place (the stored capability model inlines a referenced interface only once).
     */
    public void model(ApiCall call) {
        DeviceTemplate template = templates.get(id(call));
        DeviceModel model = templates.model(template).orElseThrow(() -> new IllegalStateException(
                "stored device template " + template.id() + " does not compile"));
        call.header("ETag", ETags.quoted(template.etag()));
        call.json(200, ModelJson.toJson(model.root()));
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
