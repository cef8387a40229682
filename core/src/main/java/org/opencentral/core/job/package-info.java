/**
 * Jobs as values and their store port: what a job does to every device of a group ({@link
 * org.opencentral.core.job.JobData}), how it is batched and when it cancels itself, its status and
 * progress, and each device's outcome. The store records outcomes and progress in one transaction.
 */
package org.opencentral.core.job;
