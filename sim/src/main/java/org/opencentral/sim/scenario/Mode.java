package org.opencentral.sim.scenario;

/** Which dialect the fleet speaks. */
public enum Mode {
    /** OpenCentral / Azure IoT Hub: username {@code host/id/?api-version=…}, SAS token password, IoT Hub topics. */
    IOTHUB,
    /** Any MQTT broker: client id only (or a fixed username/password) and a topic pattern with {@code {id}}. */
    GENERIC
}
