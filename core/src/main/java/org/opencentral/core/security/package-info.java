/**
 * Security values shared by the platform and the stores: users, API tokens, role assignments, custom
 * roles, organizations, sessions and audit entries. Plain records; no behaviour beyond validation.
 */
package org.opencentral.core.security;
