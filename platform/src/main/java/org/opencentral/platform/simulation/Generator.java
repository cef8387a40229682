package org.opencentral.platform.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Produces successive plausible values of one DTDL schema. Generators keep state (the last value
 * of a random walk, the position on a track): one instance per device and capability, used by one
 * thread at a time.
 */
public sealed interface Generator permits NumberWalk, EnumCycle, GeoTrack, Composite, SimulatedPrimitives {

    JsonNode next(RandomGenerator random, Instant now);
}
