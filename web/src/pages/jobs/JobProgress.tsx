import { Badge } from '../../ui/components';
import { Job, JobStatus } from './jobApi';

const KIND: Record<JobStatus, 'ok' | 'warn' | 'bad' | 'neutral' | 'info'> = {
  pending: 'neutral', running: 'info', stopped: 'warn', complete: 'ok', failed: 'bad', cancelled: 'bad',
};

export function StatusBadge({ status }: { status: JobStatus }) {
  return <Badge kind={KIND[status]}>{status}</Badge>;
}

/** A job's progress bar: devices done (completed or failed) of all its devices, with the counts. */
export function JobProgressBar({ job }: { job: Job }) {
  const p = job.progress ?? { total: 0, pending: 0, completed: 0, failed: 0 };
  const done = p.completed + p.failed;
  return (
    <div class="job-progress">
      <progress max={Math.max(1, p.total)} value={done} aria-label={'Progress of ' + (job.displayName ?? job.id)} />
      <span class="muted" data-testid="job-counts">{done} of {p.total} · {p.completed} completed · {p.failed} failed</span>
    </div>
  );
}
