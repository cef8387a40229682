package org.opencentral.store.telemetry;

import org.opencentral.core.telemetry.TelemetryValue;

/** A point as a raw row: the series' dictionary id, the time in microseconds, the typed value. */
record EncodedPoint(int seriesId, long timeUs, TelemetryValue value) {
}
