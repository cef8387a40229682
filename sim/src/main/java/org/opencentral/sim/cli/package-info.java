/**
 * The command line: one picocli sub-command per scenario over shared option groups ({@link
 * org.opencentral.sim.cli.TargetOptions} for where and how to connect, {@link
 * org.opencentral.sim.cli.RunOptions} for timing and output). Turns options into settings records
 * and hands them to {@code scenario}; does no measuring itself.
 */
package org.opencentral.sim.cli;
