package org.opencentral.api.odata;

import java.util.List;
import org.opencentral.core.DomainException;
import org.opencentral.core.filter.ListField;
import org.opencentral.core.filter.ListOrdering;

/** Parses OData {@code $orderby}: one sortable field, optionally followed by {@code asc} or {@code desc}. */
public final class OrderByParser {
    public static final String PARAMETER = "$orderby";

    private OrderByParser() {
    }

    public static <F extends ListField> ListOrdering<F> parse(String text, Fields<F> fields) {
        List<ODataToken> tokens = ODataLexer.tokens(PARAMETER, text);
        ODataToken name = tokens.getFirst();
        if (name.kind() != ODataToken.Kind.WORD) {
            throw error(name, "a field name (" + fields.names(F::sortable) + ")");
        }
        F field = fields.find(name.text()).filter(ListField::sortable).orElseThrow(() -> DomainException.badRequest(
                PARAMETER + ": cannot order by '" + name.text() + "' (position " + name.position()
                        + "); expected one of " + fields.names(F::sortable)));
        ODataToken direction = tokens.get(1);
        ListOrdering.Direction chosen = ListOrdering.Direction.ASC;
        int end = 1;
        if (direction.isWord("asc") || direction.isWord("desc")) {
            chosen = direction.isWord("asc") ? ListOrdering.Direction.ASC : ListOrdering.Direction.DESC;
            end = 2;
        } else if (direction.kind() != ODataToken.Kind.END && direction.kind() != ODataToken.Kind.COMMA) {
            throw error(direction, "'asc', 'desc' or the end of $orderby");
        }
        ODataToken last = tokens.get(end);
        if (last.kind() == ODataToken.Kind.COMMA) {
            throw DomainException.badRequest(PARAMETER + ": ordering by more than one field is not supported"
                    + " (position " + last.position() + "); ties are always broken by id");
        }
        if (last.kind() != ODataToken.Kind.END) {
            throw error(last, "the end of $orderby");
        }
        return new ListOrdering<>(field, chosen);
    }

    private static DomainException error(ODataToken found, String expected) {
        return DomainException.badRequest(PARAMETER + ": expected " + expected + " at position " + found.position()
                + ", found " + found.describe());
    }
}
