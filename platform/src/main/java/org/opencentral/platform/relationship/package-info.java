/**
 * Device relationships (gateway/child links): the rules a relationship must keep before it is
 * stored. Uses the device registry and the relationship store port; no HTTP, no JDBC.
 */
package org.opencentral.platform.relationship;
