package org.opencentral.core.rule;

import java.util.Locale;

/** Whether every condition item must hold ({@code all}) or at least one ({@code any}). */
public enum Match {
    ALL, ANY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
