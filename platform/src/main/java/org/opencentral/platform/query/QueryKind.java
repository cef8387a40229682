package org.opencentral.platform.query;

/** A query reads either telemetry (time series) or properties (current values), never both. */
public enum QueryKind { TELEMETRY, PROPERTIES }
