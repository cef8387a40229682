/**
 * An accepted device connection: the {@link org.opencentral.platform.session.DeviceSession} the
 * platform pushes through, and one small class per message kind (telemetry, twin, methods,
 * cloud-to-device, subscriptions) behind one exhaustive dispatch. Blocking platform calls run on
 * virtual threads; nothing here blocks an event loop. Must not import JDBC or any store.
 */
package org.opencentral.transport.internal.session;
