package org.opencentral.core.job;

/** How many devices a job has, and how many of them are pending, completed and failed. */
public record JobProgress(int total, int completed, int failed) {
    public static final JobProgress NONE = new JobProgress(0, 0, 0);

    public JobProgress {
        if (total < 0 || completed < 0 || failed < 0 || completed + failed > total) {
            throw new IllegalArgumentException("inconsistent progress " + total + "/" + completed + "/" + failed);
        }
    }

    public int pending() {
        return total - completed - failed;
    }
}
