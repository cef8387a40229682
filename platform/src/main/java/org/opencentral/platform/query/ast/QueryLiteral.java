package org.opencentral.platform.query.ast;

import java.math.BigDecimal;
import java.util.Objects;

/** A constant written in the query. Values reach SQL only as bind parameters. */
public sealed interface QueryLiteral permits QueryLiteral.Num, QueryLiteral.Str, QueryLiteral.Bool, QueryLiteral.Null {

    /** A number as written, exactly ({@code 47.63}, {@code -5}, {@code 1e3}). */
    record Num(BigDecimal value) implements QueryLiteral {
        public Num {
            Objects.requireNonNull(value);
        }
    }

    /** A string with its escapes already decoded. */
    record Str(String value) implements QueryLiteral {
        public Str {
            Objects.requireNonNull(value);
        }
    }

    record Bool(boolean value) implements QueryLiteral {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);
    }

    record Null() implements QueryLiteral {
        public static final Null INSTANCE = new Null();
    }
}
