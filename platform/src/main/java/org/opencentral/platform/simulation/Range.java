package org.opencentral.platform.simulation;

import java.util.Optional;
import org.opencentral.dtdl.model.Quantity;

/** The plausible span of a generated number, chosen from its semantic type and unit. */
public record Range(double min, double max) {
    static final Range DEFAULT = new Range(0, 100);

    public Range {
        if (!(min < max)) {
            throw new IllegalArgumentException("min must be below max: " + min + " .. " + max);
        }
    }

    public double width() {
        return max - min;
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** A plausible range for a quantity; 0..100 when there is none or it is not known. */
    public static Range of(Optional<Quantity> quantity) {
        return quantity.map(Range::of).orElse(DEFAULT);
    }

    private static Range of(Quantity q) {
        return switch (q.semanticType()) {
            case "Temperature" -> temperature(q.unit());
            case "Humidity", "RelativeHumidity" -> new Range(30, 70);
            case "Pressure" -> q.unit().equals("pascal") ? new Range(98_000, 104_000) : new Range(980, 1040);
            case "Voltage" -> new Range(220, 240);
            case "Current" -> new Range(0, 16);
            case "Power" -> new Range(0, 3000);
            case "Frequency" -> new Range(49.5, 50.5);
            case "Velocity", "Speed" -> new Range(0, 30);
            case "Acceleration" -> new Range(-2, 2);
            case "Angle" -> new Range(0, 360);
            case "Length", "Distance" -> new Range(0, 100);
            case "Mass" -> new Range(0, 50);
            case "Illuminance" -> new Range(100, 1000);
            case "Luminosity", "LuminousIntensity" -> new Range(100, 1000);
            case "DataSize" -> new Range(1_000, 1_000_000);
            case "TimeSpan" -> new Range(0, 3600);
            case "Energy" -> new Range(0, 10_000);
            default -> DEFAULT;
        };
    }

    private static Range temperature(String unit) {
        return switch (unit) {
            case "degreeFahrenheit" -> new Range(59, 86);
            case "kelvin" -> new Range(288, 303);
            default -> new Range(15, 30);
        };
    }
}
