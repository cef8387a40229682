package org.opencentral.platform.query.ast;

import java.math.BigDecimal;
import java.util.Objects;

/** A constant written in the query. Values reach SQL only as bind parameters. */
public sealed interface Literal permits Literal.Num, Literal.Str, Literal.Bool, Literal.Null {

    /** A number as written, exactly ({@code 47.63}, {@code -5}, {@code 1e3}). */
    record Num(BigDecimal value) implements Literal {
        public Num {
            Objects.requireNonNull(value);
        }
    }

    /** A string with its escapes already decoded. */
    record Str(String value) implements Literal {
        public Str {
            Objects.requireNonNull(value);
        }
    }

    record Bool(boolean value) implements Literal {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);
    }

    record Null() implements Literal {
        public static final Null INSTANCE = new Null();
    }
}
