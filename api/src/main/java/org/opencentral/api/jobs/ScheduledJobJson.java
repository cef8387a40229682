package org.opencentral.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.core.job.JobDefinitionJson;
import org.opencentral.core.job.ScheduleJson;
import org.opencentral.core.job.ScheduledJob;
import org.opencentral.platform.job.ScheduledJobService;

/**
 * Scheduled jobs as IoT Central writes them: the job definition's members with {@code id, etag,
 * schedule, enabled}, the read-only {@code completed} and OpenCentral's read-only {@code nextRun}. A PATCH is merged into the current JSON
 * and read like a PUT.
 */
final class ScheduledJobJson {
    private ScheduledJobJson() {
    }

    static ObjectNode toJson(ScheduledJob job) {
        ObjectNode json = Json.object();
        json.put("etag", job.etag());
        json.put("id", job.id());
        json.setAll(JobDefinitionJson.write(job.definition()));
        json.set("schedule", ScheduleJson.write(job.schedule()));
        json.put("enabled", job.enabled());
        json.put("completed", job.completed());
        job.nextRun().ifPresent(at -> json.put("nextRun", at.toString()));
        return json;
    }

    static ScheduledJobService.Changes changes(String id, JsonNode body) {
        JsonNode enabled = body.path("enabled");
        if (!enabled.isMissingNode() && !enabled.isBoolean()) {
            throw ApiError.badRequest("'enabled' must be a boolean");
        }
        return new ScheduledJobService.Changes(JobDefinitionJson.read(body, id), ScheduleJson.read(body.get("schedule")),
                enabled.asBoolean(true));
    }

    /** {@code current} with the members {@code patch} names replaced. */
    static ObjectNode merged(ScheduledJob current, ObjectNode patch) {
        ObjectNode merged = toJson(current);
        patch.properties().forEach(member -> merged.set(member.getKey(), member.getValue()));
        return merged;
    }
}
