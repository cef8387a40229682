/**
 * People and programs: SAS tokens, API tokens, users and password hashes, roles, permissions and
 * the first-start bootstrap. No Netty, Javalin or JDBC.
 */
package org.opencentral.platform.security;
