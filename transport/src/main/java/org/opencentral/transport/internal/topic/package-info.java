/**
 * The IoT Hub topic table and the property-bag codec: pure functions from topic strings to parsed
 * device messages and subscriptions. Must not import Netty or any platform service.
 */
package org.opencentral.transport.internal.topic;
