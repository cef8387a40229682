/**
 * {@code /api/devices/{deviceId}/properties} and {@code …/components/{componentName}/properties}:
 * the device twin presented as IoT Central's DeviceProperties (reported values, {@code $metadata}
 * with desired values, versions and Plug and Play acknowledgements), and desired-property writes
 * through {@link org.opencentral.platform.twin.TwinService}. Pure mapping lives in
 * {@link org.opencentral.api.properties.DevicePropertiesView} and
 * {@link org.opencentral.api.properties.DesiredPatches}.
 *
 * <p>Components: with a device template the template decides (components, cloud properties kept by
 * the platform, writable values checked against their schema, a pending/accepted/rejected
 * {@code state} per writable property). Without one a component cannot be told from an
 * object-valued property: a member is a component when the twin already marks it as one (an object
 * with {@code "__t":"c"} in the reported or desired section), or when the request says so (the
 * component path, or {@code "__t":"c"} in the body).
 */
package org.opencentral.api.properties;
