package org.opencentral.core.telemetry;

/**
 * The coarsest data an aggregate may read. {@link #AUTO} lets the planner use the 1-hour rollups
 * when the bucket width is a whole number of hours, the 1-minute rollups when it is a whole number
 * of minutes, and raw values for the unaligned edges of the range; the answers are the same as from
 * raw values. The others cap it (tests compare {@link #RAW} with {@link #AUTO}).
 */
public enum Source {
    AUTO, HOUR, MINUTE, RAW
}
