/**
 * The job routes ({@code /api/jobs}, IoT Central's 2022-07-31 shapes). Handlers translate JSON and
 * call {@link org.opencentral.platform.job.JobService}; the engine runs the jobs.
 */
package org.opencentral.api.jobs;
