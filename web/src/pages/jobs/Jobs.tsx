import { useEffect } from 'preact/hooks';
import { linkClick } from '../../router';
import { useSession } from '../../session';
import { ErrorBanner, Spinner, relativeTime } from '../../ui/components';
import { useList } from '../useList';
import { ACTIVE, Job, jobPath, ScheduledJob } from './jobApi';
import { JobProgressBar, StatusBadge } from './JobProgress';

/** Jobs with live progress (refreshed every 2 s while one runs), and the scheduled jobs. */
export function Jobs() {
  const session = useSession();
  const jobs = useList<Job>('/jobs');
  const scheduled = useList<ScheduledJob>('/scheduledJobs');
  const active = jobs.items?.some((j) => ACTIVE.includes(j.status));
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(jobs.reload, 2000);
    return () => clearInterval(timer);
  }, [active]);
  return (
    <section aria-labelledby="jobs-title">
      <div class="page-head">
        <h1 id="jobs-title">Jobs</h1>
        <div class="spacer" />
        {session.can('jobs.execute') && <a class="button primary" href="/jobs/new" onClick={linkClick}>+ New job</a>}
      </div>
      <ErrorBanner error={jobs.error} onRetry={jobs.reload} />
      {!jobs.items && !jobs.error && <Spinner />}
      {jobs.items && (
        <table class="table" aria-label="Jobs">
          <thead><tr><th scope="col">Name</th><th scope="col">Group</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col">Started</th></tr></thead>
          <tbody>
            {jobs.items.length === 0 && <tr><td colSpan={5} class="muted">No jobs yet.</td></tr>}
            {jobs.items.map((j) => (
              <tr key={j.id}>
                <td><a href={jobPath(j.id)} onClick={linkClick}>{j.displayName ?? j.id}</a></td>
                <td>{j.group}</td>
                <td><StatusBadge status={j.status} /></td>
                <td><JobProgressBar job={j} /></td>
                <td>{j.start ? relativeTime(j.start) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Scheduled jobs</h2>
      <ErrorBanner error={scheduled.error} onRetry={scheduled.reload} />
      {scheduled.items && (
        <table class="table" aria-label="Scheduled jobs">
          <thead><tr><th scope="col">Name</th><th scope="col">Group</th><th scope="col">Schedule</th><th scope="col">State</th></tr></thead>
          <tbody>
            {scheduled.items.length === 0 && <tr><td colSpan={4} class="muted">No scheduled jobs.</td></tr>}
            {scheduled.items.map((s) => (
              <tr key={s.id}>
                <td>{s.displayName ?? s.id}</td>
                <td>{s.group}</td>
                <td>{s.schedule.recurrence ?? 'once'} from {new Date(s.schedule.start).toLocaleString()}</td>
                <td>{s.completed ? 'completed' : s.enabled ? 'enabled' : 'disabled'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
