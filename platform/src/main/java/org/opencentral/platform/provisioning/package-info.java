/**
 * Device provisioning as IoT Central's DPS does it: enrollment groups (symmetric keys, X.509 CAs
 * proven by proof of possession), individual attestations, registration (attest, create or find
 * the device, assign, answer in DPS's JSON) and X.509 authentication of hub connections.
 * Protocol-neutral: the transports turn {@link org.opencentral.platform.provisioning.DpsResponse}s
 * into MQTT topics or HTTP responses. Must not import Netty, Javalin or JDBC; never logs keys,
 * tokens or verification codes.
 */
package org.opencentral.platform.provisioning;
