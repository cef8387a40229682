/**
 * Device relationships (gateway/child links): the rules a relationship must keep before it is
 * stored. Uses the device registry, the template service (the DTDL
 * Relationships of a source's model) and the relationship store port; no HTTP, no JDBC.
 */
package org.opencentral.platform.relationship;
