package org.opencentral.platform.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.filter.Op;
import org.opencentral.core.group.DeviceGroup;
import org.opencentral.core.group.DeviceGroupStore;
import org.opencentral.core.group.MemberFilter;
import org.opencentral.core.store.Page;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.organization.OrganizationService;

/**
 * Device groups and their membership. A group's members are the devices passing its filter and,
 * when the group belongs to an organization, lying in that organization's subtree; a caller sees
 * groups whose organization its group scope covers, and of their members only the devices its
 * device scope covers. Membership is evaluated by the store at every call, so a device that starts
 * to match (a reported property, a template change) is a member at once. Parsed filters are kept
 * per group and etag, so a membership check costs one indexed lookup.
 */
public final class DeviceGroupService {
    /** The most groups {@link #groupsOf} reads. */
    public static final int MAX_GROUPS = 10_000;
    private static final int PAGE = 500;

    private final DeviceGroupStore store;
    private final OrganizationService organizations;
    private final GroupFilters filters;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    public DeviceGroupService(DeviceGroupStore store, OrganizationService organizations, GroupFilters filters) {
        this.store = Objects.requireNonNull(store, "store");
        this.organizations = Objects.requireNonNull(organizations, "organizations");
        this.filters = Objects.requireNonNull(filters, "filters");
    }

    /** A stored group and whether storing it created it. */
    public record Saved(DeviceGroup group, boolean created) {
    }

    /** How many devices an (unsaved) filter matches, and the first of them. */
    public record Preview(long count, List<Device> devices) {
        public Preview {
            devices = List.copyOf(devices);
        }
    }

    private record Parsed(String etag, MemberFilter filter) {
    }

    public Page<DeviceGroup> list(AccessScope scope, Optional<String> after, int limit) {
        return store.list(organizations(scope), after, limit);
    }

    /** The group; NOT_FOUND when it does not exist or lies outside {@code scope}. */
    public DeviceGroup get(String id, AccessScope scope) {
        return find(id, scope).orElseThrow(() -> DomainException.notFound("device group '" + id + "'"));
    }

    /** The group, when it exists and lies in {@code scope}. */
    public Optional<DeviceGroup> find(String id, AccessScope scope) {
        return store.find(id).filter(g -> scope.covers(g.organization()));
    }

    /** Creates or replaces a group; {@code displayName} and {@code filter} are required. */
    public Saved put(String id, GroupChanges changes, Optional<String> precondition, AccessScope scope) {
        requireId(id);
        Optional<DeviceGroup> existing = store.find(id);
        existing.ifPresent(g -> requireCovered(g, scope));
        DeviceGroup group = new DeviceGroup(id,
                changes.displayName().orElseThrow(() -> DomainException.badRequest("displayName is required")),
                checked(changes.filter().orElseThrow(() -> DomainException.badRequest("filter is required"))),
                changes.description().flatMap(d -> d), "", organizationsOf(changes, List.of(), scope));
        if (existing.isEmpty()) {
            if (precondition.filter(p -> !p.equals("*")).isPresent()) {
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "device group '" + id + "' does not exist, so no etag can match");
            }
            return new Saved(store.insert(group), true);
        }
        return new Saved(store.update(group, expected(precondition, existing.get())), false);
    }

    /** Changes the members a PATCH names. */
    public DeviceGroup patch(String id, GroupChanges changes, Optional<String> precondition, AccessScope scope) {
        DeviceGroup current = get(id, scope);
        DeviceGroup group = new DeviceGroup(id, changes.displayName().orElse(current.displayName()),
                changes.filter().map(this::checked).orElse(current.filter()),
                changes.description().orElse(current.description()), "",
                organizationsOf(changes, current.organizations(), scope));
        return store.update(group, expected(precondition, current));
    }

    public void delete(String id, Optional<String> precondition, AccessScope scope) {
        DeviceGroup current = get(id, scope);
        precondition.filter(p -> !p.equals("*") && !p.equals(current.etag())).ifPresent(p -> {
            throw new DomainException(ErrorCode.PRECONDITION_FAILED, "the device group was changed since etag " + p);
        });
        store.delete(id);
        parsed.remove(id);
    }

    /** One page of the group's members that {@code deviceScope} covers, by device id. */
    public Page<Device> members(String id, AccessScope groupScope, AccessScope deviceScope, Optional<String> after,
            int limit) {
        DeviceGroup group = get(id, groupScope);
        return store.members(membership(group), organizations(deviceScope), after, limit);
    }

    /** What a filter would match now, within {@code deviceScope}: the count and the first {@code limit} devices. */
    public Preview preview(String filter, AccessScope deviceScope, int limit) {
        MemberFilter members = filters.check(filter);
        Optional<Set<String>> scope = organizations(deviceScope);
        return new Preview(store.count(members, scope), store.members(members, scope, Optional.empty(), limit).items());
    }

    /**
     * How many devices {@code deviceScope} covers of the group (none: of every device), counting
     * connected devices only when {@code connectedOnly}; NOT_FOUND for a group outside {@code groupScope}.
     */
    public long count(Optional<String> groupId, boolean connectedOnly, AccessScope groupScope,
            AccessScope deviceScope) {
        MemberFilter members = groupId.map(id -> membership(get(id, groupScope))).orElse(MemberFilter.ALL);
        MemberFilter counted = connectedOnly ? new MemberFilter.All(List.of(members, new MemberFilter.Compare(
                MemberFilter.Metadata.CONNECTED, Op.EQ, new MemberFilter.Bool(true)))) : members;
        return store.count(counted, organizations(deviceScope));
    }

    /** Whether a device is a member of a group now (false when the group does not exist). */
    /** Checks a filter of the devices of {@code template}, as a group's filter is checked (a 400 naming its problem). */
    public void checkFilter(String filter, String template) {
        filters.check(filter, template);
    }

    /** Whether the device matches a filter that {@link #checkFilter} accepted. */
    public boolean matches(String filter, DeviceId device) {
        return store.contains(filters.parse(filter), device);
    }

    public boolean isMember(String groupId, DeviceId device) {
        return store.find(groupId).map(g -> store.contains(membership(g), device)).orElse(false);
    }

    /** The groups within {@code scope} that {@code device} is a member of now, by id. */
    public List<DeviceGroup> groupsOf(DeviceId device, AccessScope scope) {
        Map<String, DeviceGroup> candidates = new LinkedHashMap<>();
        Optional<String> after = Optional.empty();
        do {
            Page<DeviceGroup> page = store.list(organizations(scope), after, PAGE);
            page.items().forEach(g -> candidates.put(g.id(), g));
            after = page.next();
        } while (after.isPresent() && candidates.size() < MAX_GROUPS);
        List<DeviceGroup> found = new ArrayList<>();
        List<DeviceGroup> all = List.copyOf(candidates.values());
        for (int start = 0; start < all.size(); start += DeviceGroupStore.MAX_GROUPS_PER_CHECK) {
            Map<String, MemberFilter> chunk = new LinkedHashMap<>();
            all.subList(start, Math.min(all.size(), start + DeviceGroupStore.MAX_GROUPS_PER_CHECK))
                    .forEach(g -> chunk.put(g.id(), membership(g)));
            store.groupsOf(device, chunk).forEach(id -> found.add(candidates.get(id)));
        }
        found.sort(Comparator.comparing(DeviceGroup::id));
        return found;
    }

    /** The group's filter, narrowed to its organization's subtree when it has one. */
    private MemberFilter membership(DeviceGroup group) {
        MemberFilter filter = parsed.compute(group.id(), (id, known) -> known != null && known.etag().equals(group.etag())
                ? known : new Parsed(group.etag(), filters.parse(group.filter()))).filter();
        if (group.organization().isEmpty()) {
            return filter;
        }
        List<MemberFilter> inSubtree = organizations.tree().subtrees(group.organizations()).stream().sorted()
                .<MemberFilter>map(org -> new MemberFilter.Compare(MemberFilter.Metadata.ORGANIZATION, Op.EQ,
                        new MemberFilter.Text(org)))
                .toList();
        return new MemberFilter.All(List.of(filter, new MemberFilter.Any(inSubtree)));
    }

    private String checked(String filter) {
        filters.check(filter);
        return filter;
    }

    private List<String> organizationsOf(GroupChanges changes, List<String> current, AccessScope scope) {
        List<String> wanted = changes.organizations().orElse(current);
        if (wanted.size() > 1) {
            throw DomainException.badRequest("a device group belongs to at most one organization");
        }
        for (String org : wanted) {
            if (organizations.find(org).isEmpty()) {
                throw DomainException.badRequest("organization '" + org + "' does not exist");
            }
        }
        if (!scope.covers(wanted.stream().findFirst())) {
            throw new DomainException(ErrorCode.FORBIDDEN, wanted.isEmpty()
                    ? "the caller cannot place device groups in the application root; name one of its organizations"
                    : "the caller cannot place device groups in organization '" + wanted.get(0) + "'");
        }
        return wanted;
    }

    private static void requireCovered(DeviceGroup group, AccessScope scope) {
        if (!scope.covers(group.organization())) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "device group '" + group.id() + "' belongs to an organization outside the caller's");
        }
    }

    private static String expected(Optional<String> precondition, DeviceGroup current) {
        return precondition.filter(p -> !p.equals("*")).orElse(current.etag());
    }

    private static void requireId(String id) {
        if (!DeviceGroup.ID.matcher(id).matches()) {
            throw DomainException.badRequest("invalid device group id '" + id
                    + "': 1 to 255 letters, digits, '_' or '-'");
        }
    }

    private static Optional<Set<String>> organizations(AccessScope scope) {
        return scope.everywhere() ? Optional.empty() : Optional.of(scope.organizations());
    }
}
