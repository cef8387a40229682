package org.opencentral.sim.scenario;

/** What the fleet's connections speak. */
public enum Protocol {
    /** MQTT 3.1.1: IoT Hub's topics or a generic broker's ({@link Mode}). */
    MQTT,
    /** AMQP 1.0 as IoT Hub's device SDKs speak it: CBS put-token, a telemetry sender link ({@link Mode#IOTHUB} only). */
    AMQP
}
