/**
 * Device groups as the state store keeps them: the saved group ({@link org.opencentral.core.group.DeviceGroup}),
 * its filter resolved to a membership condition over device metadata and property values
 * ({@link org.opencentral.core.group.MemberFilter}), and the {@link org.opencentral.core.group.DeviceGroupStore}
 * port that stores groups and answers membership in the database. Parsing filter text belongs to
 * the platform ({@code platform.group}); compiling conditions to SQL to the store. Imports nothing
 * outside {@code java.*} and {@code core}.
 */
package org.opencentral.core.group;
