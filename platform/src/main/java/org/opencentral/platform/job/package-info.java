/**
 * Jobs: one change (a writable property, a cloud property, a command, a template migration) applied
 * to every device of a device group, in batches, cancelling itself past a failure threshold.
 * {@link org.opencentral.platform.job.JobService} creates, stops, resumes and reruns jobs for the
 * REST API; {@link org.opencentral.platform.job.JobEngine} is the durable state machine that one
 * scheduler steps ({@code runOnce()}), and {@link org.opencentral.platform.job.JobSteps} applies a
 * job's data to one device through the same services the REST API uses. Imports no Javalin, Netty
 * or JDBC.
 */
package org.opencentral.platform.job;
