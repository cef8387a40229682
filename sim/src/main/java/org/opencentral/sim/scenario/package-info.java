/**
 * The scenarios ({@code ingest}, {@code soak}, {@code command}, {@code twin}) and what they share:
 * connecting a fleet (MQTT, or AMQP for ingest and soak) at a bounded rate from several source addresses ({@link
 * org.opencentral.sim.scenario.Fleet}), the warm-up/measure loop with its progress line ({@link
 * org.opencentral.sim.scenario.RunLoop}) and turning the counters into a report. Sessions run on
 * Netty event loops and never block; blocking work (REST calls) runs on virtual threads.
 */
package org.opencentral.sim.scenario;
