package org.opencentral.dtdl.model;

/** An element of an Interface's {@code contents}. */
public sealed interface Content permits Telemetry, Property, Command, Component, Relationship {

    /** The programming name, unique within the (flattened) interface. */
    String name();

    ElementInfo info();
}
