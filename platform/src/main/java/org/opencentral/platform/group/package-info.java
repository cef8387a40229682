/**
 * Device groups: saved device queries ({@code SELECT * FROM devices WHERE …}) whose members are
 * the devices matching them at the time of each read. {@link org.opencentral.platform.group.GroupFilters}
 * parses a filter with the query language's parser and resolves it to a
 * {@link org.opencentral.core.group.MemberFilter}; {@link org.opencentral.platform.group.DeviceGroupService}
 * stores groups, applies organization scope and answers membership ("the devices of a group",
 * "is this device in the group", "which groups is this device in") for the REST API and for the
 * features that target groups (jobs, rules, exports, dashboards). Imports no Javalin, Netty or JDBC.
 */
package org.opencentral.platform.group;
