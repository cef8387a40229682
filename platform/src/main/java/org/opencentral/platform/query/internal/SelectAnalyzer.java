package org.opencentral.platform.query.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.SelectItem;

/**
 * The SELECT list: no {@code *}, at most the limit of items, names resolved, aliases unique and
 * not reusing another item's name, output column names unique.
 */
final class SelectAnalyzer {
    private final NameScope scope;
    private final int maxItems;

    SelectAnalyzer(NameScope scope, int maxItems) {
        this.scope = scope;
        this.maxItems = maxItems;
    }

    List<Selected> analyze(List<SelectItem> items) {
        if (items.size() > maxItems) {
            throw QueryErrors.at(items.get(maxItems).position(),
                    "SELECT has " + items.size() + " items; the maximum is " + maxItems);
        }
        List<Selected> selected = new ArrayList<>();
        List<SelectItem.Column> columns = new ArrayList<>();
        for (SelectItem item : items) {
            SelectItem.Column column = switch (item) {
                case SelectItem.Wildcard wildcard -> throw QueryErrors.at(wildcard.position(),
                        "SELECT * is not supported: list the telemetry or properties to return");
                case SelectItem.Column c -> c;
            };
            columns.add(column);
        }
        for (SelectItem.Column column : columns) {
            ValueRef value = scope.resolve(column.expr(), false);
            String name = column.alias().map(SelectItem.Alias::name).orElse(value.defaultName());
            selected.add(new Selected(new Column(name, value), column.position()));
        }
        checkAliases(columns, selected);
        checkUniqueNames(selected);
        return selected;
    }

    /** Aliases are unique and never the default name of another item. */
    private static void checkAliases(List<SelectItem.Column> columns, List<Selected> selected) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).alias().isEmpty()) {
                continue;
            }
            SelectItem.Alias alias = columns.get(i).alias().get();
            if (!seen.add(alias.name())) {
                throw QueryErrors.at(alias.position(), "duplicate alias '" + alias.name() + "'");
            }
            for (int j = 0; j < selected.size(); j++) {
                if (j != i && selected.get(j).column().value().defaultName().equals(alias.name())) {
                    throw QueryErrors.at(alias.position(), "alias '" + alias.name()
                            + "' reuses the name of another select item");
                }
            }
        }
    }

    private static void checkUniqueNames(List<Selected> selected) {
        Map<String, Selected> byName = new HashMap<>();
        for (Selected s : selected) {
            if (byName.putIfAbsent(s.column().name(), s) != null) {
                throw QueryErrors.at(s.position(), "duplicate column '" + s.column().name()
                        + "': select it once, or give it another name with AS");
            }
        }
    }

    /** The aliases visible in WHERE and ORDER BY. */
    static Map<String, Column> aliases(List<SelectItem> items, List<Selected> selected) {
        Map<String, Column> aliases = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof SelectItem.Column c && c.alias().isPresent()) {
                aliases.put(c.alias().get().name(), selected.get(i).column());
            }
        }
        return aliases;
    }
}
