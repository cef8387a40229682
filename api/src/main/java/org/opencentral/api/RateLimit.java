package org.opencentral.api;

/**
 * Requests per second each caller may make on average, and the burst it may spend at once. IoT
 * Central allows 20 requests/s; the default here is {@value #DEFAULT_PER_SECOND}/s with a burst of
 * {@value #DEFAULT_BURST}.
 */
public record RateLimit(double perSecond, int burst) {
    public static final double DEFAULT_PER_SECOND = 200;
    public static final int DEFAULT_BURST = 400;
    public static final RateLimit DEFAULT = new RateLimit(DEFAULT_PER_SECOND, DEFAULT_BURST);

    public RateLimit {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("perSecond and burst must be positive");
        }
    }
}
