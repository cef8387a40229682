package org.opencentral.dtdl.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencentral.dtdl.model.Interface;

/** The {@code extends} depth and ancestor set of each parsed interface. */
final class Hierarchy {

    private final Map<String, Integer> depth = new HashMap<>();
    private final Map<String, Set<String>> ancestors = new HashMap<>();

    /** Records {@code id}'s parents; returns its depth (0 without extends). */
    int record(String id, List<Interface> parents) {
        int d = 0;
        Set<String> all = new LinkedHashSet<>();
        for (Interface parent : parents) {
            String pid = parent.id().value();
            d = Math.max(d, 1 + depth.getOrDefault(pid, 0));
            all.add(pid);
            all.addAll(ancestors.getOrDefault(pid, Set.of()));
        }
        depth.put(id, d);
        ancestors.put(id, all);
        return d;
    }

    int ancestorCount(String id) {
        return ancestors.getOrDefault(id, Set.of()).size();
    }
}
