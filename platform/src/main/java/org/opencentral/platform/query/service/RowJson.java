package org.opencentral.platform.query.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.platform.query.ast.QueryLiteral;

/** Values into result rows: whole numbers without a fraction (as IoT Central writes them), nulls left out. */
final class RowJson {
    private static final double EXACT = 9_007_199_254_740_992d;

    private RowJson() {
    }

    static void putNumber(ObjectNode json, String name, double value) {
        if (value == Math.rint(value) && Math.abs(value) < EXACT) {
            json.put(name, (long) value);
        } else {
            json.put(name, value);
        }
    }

    static void put(ObjectNode json, String name, QueryLiteral value) {
        switch (value) {
            case QueryLiteral.Num n -> json.put(name, n.value());
            case QueryLiteral.Str s -> json.put(name, s.value());
            case QueryLiteral.Bool b -> json.put(name, b.value());
            case QueryLiteral.Null n -> { }
        }
    }
}
