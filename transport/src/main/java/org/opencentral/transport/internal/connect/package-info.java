/**
 * MQTT CONNECT: the lenient IoT Hub username parser, validation, SAS authentication off the event
 * loop and the CONNACK codes of refusals. Must not import the session package (it hands accepted
 * connections to a {@link org.opencentral.transport.internal.connect.SessionStarter}).
 */
package org.opencentral.transport.internal.connect;
