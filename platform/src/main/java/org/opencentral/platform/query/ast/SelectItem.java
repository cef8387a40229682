package org.opencentral.platform.query.ast;

import java.util.Objects;
import java.util.Optional;

/** One entry of the SELECT list. */
public sealed interface SelectItem permits SelectItem.Column, SelectItem.Wildcard {

    SourcePosition position();

    /** {@code expr [AS alias]}. */
    record Column(Expr expr, Optional<Alias> alias) implements SelectItem {
        public Column {
            Objects.requireNonNull(expr);
            Objects.requireNonNull(alias);
        }

        @Override
        public SourcePosition position() {
            return expr.position();
        }
    }

    /** {@code *}: parsed so that the analyzer can reject it with a clear message. */
    record Wildcard(SourcePosition position) implements SelectItem {
        public Wildcard {
            Objects.requireNonNull(position);
        }
    }

    /** The name after {@code AS}. */
    record Alias(String name, SourcePosition position) {
        public Alias {
            Objects.requireNonNull(name);
            Objects.requireNonNull(position);
        }
    }
}
