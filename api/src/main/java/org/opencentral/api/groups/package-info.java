/**
 * The device group routes ({@code /api/deviceGroups}, IoT Central's 2022-07-31 shapes) and two
 * OpenCentral extensions for the web UI: the preview of an unsaved filter and the groups of one
 * device. Handlers translate JSON and call {@link org.opencentral.platform.group.DeviceGroupService}.
 */
package org.opencentral.api.groups;
