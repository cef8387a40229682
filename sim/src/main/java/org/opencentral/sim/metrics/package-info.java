/**
 * Measurement: counters and HdrHistogram recorders written from event loops without locks
 * ({@link org.opencentral.sim.metrics.Metrics}), server CPU and RSS from {@code /proc}
 * ({@link org.opencentral.sim.metrics.ProcSampler}), the live progress line, the final table and
 * the JSON results. Must not import Netty or the scenarios.
 */
package org.opencentral.sim.metrics;
