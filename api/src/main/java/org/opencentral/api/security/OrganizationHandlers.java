package org.opencentral.api.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.security.Organization;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.security.Permission;

/**
 * Organizations. A scoped caller sees the organizations of its subtrees only (others are 404) and
 * may create or move organizations only beneath its own; deleting is refused (409) while anything
 * references the organization.
 */
public final class OrganizationHandlers {
    private final OrganizationService organizations;

    public OrganizationHandlers(OrganizationService organizations) {
        this.organizations = organizations;
    }

    public void list(ApiCall call) {
        AccessScope scope = call.scope(Permission.ORGANIZATIONS_VIEW);
        call.json(200, SecurityJson.collection(organizations.list().stream()
                .filter(o -> scope.covers(Optional.of(o.id()))).map(OrganizationHandlers::toJson).toList()));
    }

    public void get(ApiCall call) {
        call.json(200, toJson(visible(call, Permission.ORGANIZATIONS_VIEW)));
    }

    public void put(ApiCall call) throws Exception {
        String id = call.pathParam("organizationId");
        ObjectNode body = call.bodyObject();
        Optional<Organization> existing = organizations.find(id);
        existing.ifPresent(o -> call.auditBefore(toJson(o)));
        Organization organization = new Organization(id, SecurityJson.requiredText(body, "displayName"),
                SecurityJson.text(body, "parent"));
        save(call, organization, existing.isPresent() ? Permission.ORGANIZATIONS_UPDATE
                : Permission.ORGANIZATIONS_CREATE);
    }

    public void patch(ApiCall call) throws Exception {
        Organization current = visible(call, Permission.ORGANIZATIONS_UPDATE);
        call.auditBefore(toJson(current));
        ObjectNode body = call.bodyObject();
        Organization changed = new Organization(current.id(),
                SecurityJson.text(body, "displayName").orElse(current.displayName()),
                body.has("parent") ? SecurityJson.text(body, "parent") : current.parent());
        save(call, changed, Permission.ORGANIZATIONS_UPDATE);
    }

    public void delete(ApiCall call) {
        Organization current = visible(call, Permission.ORGANIZATIONS_DELETE);
        call.auditBefore(toJson(current));
        organizations.delete(current.id());
        call.noContent();
    }

    private void save(ApiCall call, Organization organization, Permission permission) {
        AccessScope scope = call.scope(permission);
        if (!scope.everywhere() && !scope.covers(organization.parent())) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "the caller may only place organizations beneath its own organizations");
        }
        call.json(200, toJson(organizations.put(organization)));
    }

    private Organization visible(ApiCall call, Permission permission) {
        String id = call.pathParam("organizationId");
        return organizations.find(id).filter(o -> call.scope(permission).covers(Optional.of(o.id())))
                .orElseThrow(() -> DomainException.notFound("organization '" + id + "'"));
    }

    static ObjectNode toJson(Organization organization) {
        ObjectNode json = Json.object();
        json.put("id", organization.id());
        json.put("displayName", organization.displayName());
        organization.parent().ifPresent(p -> json.put("parent", p));
        return json;
    }
}
