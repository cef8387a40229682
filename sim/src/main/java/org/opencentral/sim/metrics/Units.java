package org.opencentral.sim.metrics;

import java.util.Locale;

/** Number formatting shared by the progress line and the final table. */
final class Units {
    private Units() {
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String ms(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }
}
