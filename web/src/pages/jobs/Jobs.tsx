import { useFallbackRefresh, useJobsLive, useThrottled } from '../../live';
import { linkClick } from '../../router';
import { useSession } from '../../session';
import { ErrorBanner, Spinner, relativeTime, toast, toastError } from '../../ui/components';
import { useList } from '../useList';
import { ACTIVE, Job, JobSchedule, jobPath, ScheduledJob, setScheduledEnabled } from './jobApi';
import { JobProgressBar, StatusBadge } from './JobProgress';

/** Jobs with live progress (GET /api/live/jobs; a slow refresh only while the stream is down), and the scheduled jobs. */
export function Jobs() {
  const session = useSession();
  const jobs = useList<Job>('/jobs');
  const scheduled = useList<ScheduledJob>('/scheduledJobs');
  const reload = useThrottled(() => { jobs.reload(); scheduled.reload(); }, 1000);
  const live = useJobsLive('all', {
    job: (job) => {
      if (jobs.items?.some((j) => j.id === job.id)) jobs.update((list) => list.map((j) => (j.id === job.id ? job : j)));
      else reload();
    },
    resync: reload,
  });
  const active = jobs.items?.some((j) => ACTIVE.includes(j.status));
  useFallbackRefresh(live, !!active, jobs.reload);
  const canUpdate = session.can('jobs.update');
  const toggle = async (s: ScheduledJob) => {
    try {
      const changed = await setScheduledEnabled(s.id, !s.enabled);
      scheduled.update((list) => list.map((x) => (x.id === s.id ? changed : x)));
      toast(changed.enabled ? 'Scheduled job enabled.' : 'Scheduled job disabled.');
    } catch (e) {
      toastError(e);
    }
  };
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
          <thead><tr><th scope="col">Name</th><th scope="col">Group</th><th scope="col">Schedule</th><th scope="col">Next run</th><th scope="col">State</th>{canUpdate && <th scope="col"><span class="sr-only">Actions</span></th>}</tr></thead>
          <tbody>
            {scheduled.items.length === 0 && <tr><td colSpan={canUpdate ? 6 : 5} class="muted">No scheduled jobs.</td></tr>}
            {scheduled.items.map((s) => (
              <tr key={s.id}>
                <td>{s.displayName ?? s.id}</td>
                <td>{s.group}</td>
                <td>{scheduleText(s.schedule)}</td>
                <td>{s.nextRun ? new Date(s.nextRun).toLocaleString() : '—'}</td>
                <td>{s.completed ? 'completed' : s.enabled ? 'enabled' : 'disabled'}</td>
                {canUpdate && <td>{!s.completed && (
                  <button type="button" class="secondary" onClick={() => toggle(s)} aria-label={(s.enabled ? 'Disable ' : 'Enable ') + (s.displayName ?? s.id)}>
                    {s.enabled ? 'Disable' : 'Enable'}</button>)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "daily from 6 Dec 2026, 09:00, 3 times", "once at …". */
function scheduleText(s: JobSchedule): string {
  const start = new Date(s.start).toLocaleString();
  if (!s.recurrence) return 'once at ' + start;
  const end = !s.end ? '' : s.end.type === 'occurrences' ? `, ${s.end.occurrences} times` : ', until ' + s.end.date;
  return s.recurrence + ' from ' + start + end;
}
