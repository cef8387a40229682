/**
 * The Netty pipeline, named in one place ({@link org.opencentral.transport.internal.pipeline.MqttPipeline}),
 * the WebSocket adapter, the one tail exception handler and the one place that closes connections
 * and logs why ({@link org.opencentral.transport.internal.pipeline.Disconnects}). Must not call
 * platform services directly.
 */
package org.opencentral.transport.internal.pipeline;
