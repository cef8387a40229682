/**
 * Device templates in the platform: publishing IoT Central's template envelope (validated with the
 * {@code dtdl} module, references resolved from other templates and the local model folder, then
 * inlined), the compiled model of a template, Plug and Play assignment of devices by the model id
 * they announce (with auto-import from the model folder), checking telemetry against the model,
 * and cloud property values. Must not import transport, API or storage implementations.
 */
package org.opencentral.platform.template;
