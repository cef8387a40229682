package org.opencentral.api.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.api.odata.ListOptions;
import org.opencentral.core.DomainException;
import org.opencentral.core.filter.ListFilter;
import org.opencentral.core.filter.InMemory;
import org.opencentral.core.filter.ListOrdering;
import org.opencentral.core.store.Page;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.template.TemplateService;

/**
 * A filtered or ordered template list, evaluated in memory (an application has tens of templates,
 * not thousands) with the same semantics as the device store's SQL. The page cursor is the last
 * template's (id, displayName) and the order, so the next page starts strictly after it even if
 * templates were added or removed meanwhile.
 */
final class TemplateListing {
    private static final ListOrdering<TemplateField> BY_ID = new ListOrdering<>(TemplateField.ID, ListOrdering.Direction.ASC);

    /** The members of a template the list's order and cursor use. */
    record Key(String id, String displayName) {
        Key {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    private TemplateListing() {
    }

    static Page<DeviceTemplate> page(TemplateService templates, ListOptions<TemplateField> options,
            Optional<String> after, int size) {
        ListOrdering<TemplateField> order = options.order().orElse(BY_ID);
        Comparator<Key> byId = Comparator.comparing(Key::id);
        Comparator<Key> comparator = InMemory.comparator(order, (Key k, TemplateField f) -> f.valueOf(k))
                .thenComparing(order.direction() == ListOrdering.Direction.ASC ? byId : byId.reversed());
        Optional<Key> cursor = after.map(text -> decode(text, order));
        List<DeviceTemplate> matching = all(templates).stream()
                .filter(t -> options.filter().map(f -> test(f, t)).orElse(true))
                .filter(t -> cursor.map(c -> comparator.compare(TemplateField.key(t), c) > 0).orElse(true))
                .sorted(Comparator.comparing(TemplateField::key, comparator)).toList();
        if (matching.size() <= size) {
            return new Page<>(matching, Optional.empty());
        }
        List<DeviceTemplate> page = matching.subList(0, size);
        Key last = TemplateField.key(page.getLast());
        return new Page<>(page, Optional.of(order + "\n" + last.id() + "\n" + last.displayName()));
    }

    private static boolean test(ListFilter<TemplateField> filter, DeviceTemplate template) {
        return InMemory.predicate(filter, (Key k, TemplateField f) -> f.valueOf(k)).test(TemplateField.key(template));
    }

    private static Key decode(String text, ListOrdering<TemplateField> order) {
        String[] parts = text.split("\n", 3);
        if (parts.length != 3 || !parts[0].equals(order.toString())) {
            throw DomainException.badRequest("invalid $skiptoken for a template list ordered by '" + order
                    + "'; follow nextLink as given");
        }
        return new Key(parts[1], parts[2]);
    }

    private static List<DeviceTemplate> all(TemplateService templates) {
        List<DeviceTemplate> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<DeviceTemplate> page = templates.list(after, TemplateService.MAX_PAGE);
            all.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        return all;
    }
}
