package org.opencentral.api.rules;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.RULES_CREATE;
import static org.opencentral.platform.security.Permission.RULES_DELETE;
import static org.opencentral.platform.security.Permission.RULES_UPDATE;
import static org.opencentral.platform.security.Permission.RULES_VIEW;

import io.javalin.http.HandlerType;
import java.util.List;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiHandler;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.platform.rules.RuleService;
import org.opencentral.platform.security.Permission;

/**
 * The rule routes (IoT Central has no rules API, so every row is an extension): viewing (and a
 * replay, a dry run that changes nothing) needs {@code rules.view}, creating (PUT)
 * {@code rules.create}, changing (and sending a test of an action, which acts like the rule and is
 * audited) {@code rules.update}, deleting {@code rules.delete}.
 */
public final class RuleRoutes {
    private static final String RULE = "/api/rules/{ruleId}";

    private RuleRoutes() {
    }

    public static List<ApiRoute> table(RuleService service) {
        var rules = new RuleHandlers(service);
        return List.of(
                row(GET, "/api/rules", RULES_VIEW, rules::list),
                row(GET, RULE, RULES_VIEW, rules::get),
                row(GET, RULE + "/history", RULES_VIEW, rules::history),
                // A dry run over the log: a read that takes its range as a body, like the query API.
                new ApiRoute(POST, RULE + "/replay", Access.requires(RULES_VIEW), rules::replay, true, false),
                row(PUT, RULE, RULES_CREATE, rules::put),
                row(PATCH, RULE, RULES_UPDATE, rules::patch),
                row(POST, RULE + "/actions/{actionIndex}/test", RULES_UPDATE, rules::test),
                row(DELETE, RULE, RULES_DELETE, rules::delete));
    }

    private static ApiRoute row(HandlerType method, String path, Permission permission, ApiHandler handler) {
        return ApiRoute.of(method, path, Access.requires(permission), handler, true);
    }
}
