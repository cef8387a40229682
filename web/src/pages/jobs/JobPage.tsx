import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api';
import { useFallbackRefresh, useJobsLive, useThrottled } from '../../live';
import { linkClick, navigate } from '../../router';
import { useSession } from '../../session';
import { ErrorBanner, Spinner, toast, toastError } from '../../ui/components';
import { useList } from '../useList';
import { ACTIVE, devicesCsv, idFrom, Job, jobAction, JobDevice, jobPath, rerunJob } from './jobApi';
import { JobProgressBar, StatusBadge } from './JobProgress';

/** One job: status and progress (live while it runs), stop/resume/rerun, and each device's outcome. */
export function JobPage({ id }: { id: string }) {
  const session = useSession();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  const devices = useList<JobDevice>(jobPath(id) + '/devices?maxpagesize=1000');
  const load = () => get<Job>(jobPath(id)).then((j) => { setJob(j); setError(null); devices.reload(); }, setError);
  useEffect(() => { load(); }, [id]);
  const reloadDevices = useThrottled(devices.reload, 1000);
  const live = useJobsLive([id], {
    job: (changed) => { setJob(changed); reloadDevices(); },
    resync: load,
  });
  const active = !!job && ACTIVE.includes(job.status);
  useFallbackRefresh(live, active, load);
  const act = async (what: 'stop' | 'resume') => {
    try {
      await jobAction(id, what);
      toast(what === 'stop' ? 'Job stopped.' : 'Job resumed.');
      load();
    } catch (e) {
      toastError(e);
    }
  };
  const rerun = async () => {
    try {
      const again = await rerunJob(id, idFrom((job?.displayName ?? id) + ' rerun'));
      toast('Rerunning the failed devices.');
      navigate(jobPath(again.id));
    } catch (e) {
      toastError(e);
    }
  };
  const exportCsv = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([devicesCsv(devices.items ?? [])], { type: 'text/csv' }));
    link.download = id + '-devices.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  if (error) return <ErrorBanner error={error} onRetry={load} />;
  if (!job) return <Spinner />;
  const canRun = session.can('jobs.execute');
  const shown = (devices.items ?? []).filter((d) => !filter || d.status === filter);
  return (
    <section aria-labelledby="job-title">
      <p><a href="/jobs" onClick={linkClick}>← Jobs</a></p>
      <div class="page-head">
        <h1 id="job-title">{job.displayName ?? job.id}</h1>
        <StatusBadge status={job.status} />
        <div class="spacer" />
        {canRun && active && <button type="button" class="secondary" onClick={() => act('stop')}>Stop</button>}
        {canRun && job.status === 'stopped' && <button type="button" class="secondary" onClick={() => act('resume')}>Resume</button>}
        {canRun && !active && (job.progress?.failed ?? 0) > 0 && <button type="button" class="secondary" onClick={rerun}>Rerun failed devices</button>}
        {canRun && <a class="button secondary" href={jobPath(job.id) + '/copy'} onClick={linkClick}>Copy job</a>}
      </div>
      <p>Group <strong>{job.group}</strong> · {job.data.map((d) => d.type + (d.path ? ' ' + d.path : d.template ? ' → ' + d.template : '')).join(', ')}</p>
      <JobProgressBar job={job} />
      <div class="page-head">
        <h2>Devices</h2>
        <div class="spacer" />
        <label>Status{' '}
          <select value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value)}>
            <option value="">All</option><option value="pending">Pending</option>
            <option value="completed">Completed</option><option value="failed">Failed</option>
          </select>
        </label>
        <button type="button" class="secondary" onClick={exportCsv} disabled={!devices.items}>Export CSV</button>
      </div>
      <ErrorBanner error={devices.error} onRetry={devices.reload} />
      <table class="table" aria-label="Job devices">
        <thead><tr><th scope="col">Device</th><th scope="col">Status</th><th scope="col">Reason</th></tr></thead>
        <tbody>
          {shown.length === 0 && <tr><td colSpan={3} class="muted">{job.start ? 'No devices.' : 'The devices are fixed when the job starts.'}</td></tr>}
          {shown.map((d) => (
            <tr key={d.id}>
              <td><a href={'/devices/' + encodeURIComponent(d.id)} onClick={linkClick}>{d.id}</a></td>
              <td>{d.status}</td>
              <td>{d.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
