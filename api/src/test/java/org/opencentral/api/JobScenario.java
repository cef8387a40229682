package org.opencentral.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.job.JobDefinitionJson;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.group.GroupChanges;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.template.TemplateDraft;

/**
 * Jobs for API tests: a fan template with a writable property and a command, the group "c-fans"
 * of its devices, c-fan-1 connected (it answers every command) and c-fan-2 offline, and the job
 * "c-done" that rebooted both and has finished: c-fan-1 completed, c-fan-2 failed.
 */
final class JobScenario {
    static final String TEMPLATE = "dtmi:contoso:Fan;1";
    static final String GROUP = "c-fans";
    static final String REBOOT = "{\"displayName\":\"Reboot\",\"group\":\"" + GROUP + "\",\"data\":[{\"type\":\"command\","
            + "\"target\":\"" + TEMPLATE + "\",\"path\":\"reboot\",\"value\":{\"delay\":1}}]}";
    private static final AccessScope EVERYWHERE = new AccessScope(true, Set.of());

    private JobScenario() {
    }

    static void build(TestPlatform platform) {
        platform.templateService.publish(TEMPLATE, new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(),
                Optional.empty(), Optional.of(Json.parseObject("{\"@id\":\"dtmi:contoso:cm:Fan;1\","
                        + "\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;2\",\"contents\":["
                        + "{\"@type\":\"Property\",\"name\":\"speed\",\"schema\":\"integer\",\"writable\":true},"
                        + "{\"@type\":\"Command\",\"name\":\"reboot\"}]}"))));
        for (String id : List.of("c-fan-1", "c-fan-2")) {
            platform.devices.create(DeviceId.of(id), new DeviceChanges(Optional.of(id), Optional.of(TEMPLATE),
                    Optional.of(true), Optional.of(false)));
        }
        platform.sessions.register(new AnsweringSession(DeviceId.of("c-fan-1"), platform.commands,
                (method, request) -> "{\"rebooted\":true}"));
        platform.platform.groups().put(GROUP, new GroupChanges(Optional.of("Fans"),
                Optional.of("SELECT * FROM devices WHERE $template = \"" + TEMPLATE + "\""), Optional.empty(),
                Optional.of(List.of())), Optional.empty(), EVERYWHERE);
        platform.jobs.service().create("c-done", Optional.empty(), JobDefinitionJson.read(Json.parse(REBOOT), "c-done"),
                "apiToken:contract", EVERYWHERE, EVERYWHERE);
        platform.jobs.runOnce();
        platform.jobs.runOnce();
    }
}
