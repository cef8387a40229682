/**
 * Backup and restore of an embedded data directory: the running server writes a consistent copy
 * ({@link org.opencentral.server.backup.DataDirectoryBackup}) when asked over its local control
 * socket ({@link org.opencentral.server.backup.ControlChannel}, {@code opencentral backup}); {@code
 * opencentral restore} checks a copy against its manifest and unpacks it into an empty directory
 * ({@link org.opencentral.server.backup.DataDirectoryRestore}).
 */
package org.opencentral.server.backup;
