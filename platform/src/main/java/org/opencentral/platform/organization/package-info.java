/**
 * The organization tree (depth at most {@value org.opencentral.platform.organization.OrganizationService#MAX_DEPTH})
 * and what it means for access: a principal assigned to an organization sees that organization and
 * its descendants, and nothing of the rest. No Javalin or JDBC.
 */
package org.opencentral.platform.organization;
