package org.opencentral.api.odata;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opencentral.core.filter.ListField;

/** The fields a listing can be filtered and ordered by, found by their wire names. */
public record Fields<F extends ListField>(List<F> all) {
    public Fields {
        all = List.copyOf(all);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a listing has at least one field");
        }
    }

    @SafeVarargs
    public static <F extends ListField> Fields<F> of(F... fields) {
        return new Fields<>(List.of(fields));
    }

    Optional<F> find(String name) {
        return all.stream().filter(f -> f.wireName().equals(name)).findFirst();
    }

    /** The wire names of the fields that pass {@code which}, for error messages. */
    String names(Function<F, Boolean> which) {
        return String.join(", ", all.stream().filter(which::apply).map(ListField::wireName).toList());
    }
}
