package org.opencentral.platform.organization;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.security.Organization;

/** A snapshot of the organization tree: parents, children, depths and subtrees. */
public final class OrganizationTree {
    private final Map<String, Organization> byId = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    public OrganizationTree(Collection<Organization> organizations) {
        for (Organization o : organizations) {
            byId.put(o.id(), o);
            o.parent().ifPresent(p -> children.computeIfAbsent(p, k -> new java.util.ArrayList<>()).add(o.id()));
        }
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public Optional<Organization> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<String> childrenOf(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** 1 for a child of the root, 2 for its children, … */
    public int depth(String id) {
        int depth = 0;
        Optional<String> at = Optional.of(id);
        while (at.isPresent() && depth <= byId.size()) {
            depth++;
            at = find(at.get()).flatMap(Organization::parent);
        }
        return depth;
    }

    /** The height of the subtree under {@code id}, 1 for a leaf. */
    public int height(String id) {
        int max = 0;
        for (String child : childrenOf(id)) {
            max = Math.max(max, height(child));
        }
        return max + 1;
    }

    /** Whether {@code ancestor} is {@code id} or one of its ancestors. */
    public boolean isWithin(String id, String ancestor) {
        Optional<String> at = Optional.of(id);
        for (int guard = 0; at.isPresent() && guard <= byId.size(); guard++) {
            if (at.get().equals(ancestor)) {
                return true;
            }
            at = find(at.get()).flatMap(Organization::parent);
        }
        return false;
    }

    /** The given organizations and all their descendants. */
    public Set<String> subtrees(Collection<String> roots) {
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (out.add(next)) {
                todo.addAll(childrenOf(next));
            }
        }
        return out;
    }
}
