/** AMQP 1.0 for devices (IoT Hub's AMQPS endpoint, also over WebSockets) on Qpid Proton-J's engine, driven by a Netty handler. */
package org.opencentral.transport.internal.amqp;
