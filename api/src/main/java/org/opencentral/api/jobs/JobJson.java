package org.opencentral.api.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobDefinitionJson;
import org.opencentral.core.job.JobDevice;

/**
 * Jobs as IoT Central answers them: the definition's members, {@code id}, {@code scheduledJobId},
 * {@code start}, {@code end}, {@code progress} and {@code status}; a job's device as {@code id},
 * {@code status} and, for a failed device, OpenCentral's {@code reason}.
 */
public final class JobJson {
    private JobJson() {
    }

    public static ObjectNode toJson(Job job) {
        ObjectNode json = org.opencentral.core.Json.object();
        json.put("id", job.id());
        job.scheduledJobId().ifPresent(s -> json.put("scheduledJobId", s));
        json.setAll(JobDefinitionJson.write(job.definition()));
        job.start().ifPresent(s -> json.put("start", s.toString()));
        job.end().ifPresent(e -> json.put("end", e.toString()));
        ObjectNode progress = json.putObject("progress");
        progress.put("total", job.progress().total());
        progress.put("pending", job.progress().pending());
        progress.put("completed", job.progress().completed());
        progress.put("failed", job.progress().failed());
        json.put("status", job.status().wireName());
        return json;
    }

    static ObjectNode toJson(JobDevice device) {
        ObjectNode json = org.opencentral.core.Json.object();
        json.put("id", device.device().value());
        json.put("status", device.status().wireName());
        device.reason().ifPresent(r -> json.put("reason", r));
        return json;
    }
}
