/** IoT Hub's device REST surface (telemetry, cloud-to-device receive and settlement) on the HTTPS listener. */
package org.opencentral.transport.internal.https;
