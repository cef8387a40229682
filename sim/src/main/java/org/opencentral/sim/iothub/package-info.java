/**
 * The IoT Hub device dialect as the load generator speaks it: CONNECT username and SAS password,
 * topic names, and creating devices (and reading their keys) through the IoT Central REST API.
 * Must not import Netty: the MQTT client takes strings and bytes.
 */
package org.opencentral.sim.iothub;
