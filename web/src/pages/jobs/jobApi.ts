// Jobs (/api/jobs) and scheduled jobs (/api/scheduledJobs) in IoT Central's shapes.
import { api } from '../../api';

export type JobStatus = 'pending' | 'running' | 'stopped' | 'complete' | 'failed' | 'cancelled';

export interface JobData {
  type: 'property' | 'cloudProperty' | 'command' | 'deviceTemplateMigration';
  target?: string;
  path?: string;
  value?: unknown;
  template?: string;
  /** OpenCentral: seconds an offline device may take to connect before its command fails. */
  connectionTimeout?: number;
}

export interface Amount { type: 'number' | 'percentage'; value: number }

export interface JobDefinition {
  displayName?: string;
  description?: string;
  group: string;
  batch?: Amount;
  cancellationThreshold?: Amount & { batch?: boolean };
  data: JobData[];
  organizations?: string[];
}

export interface Job extends JobDefinition {
  id: string;
  scheduledJobId?: string;
  start?: string;
  end?: string;
  progress?: { total: number; pending: number; completed: number; failed: number };
  status: JobStatus;
}

export interface JobDevice { id: string; status: 'pending' | 'completed' | 'failed'; reason?: string }

export interface JobSchedule {
  recurrence?: 'daily' | 'weekly' | 'monthly';
  start: string;
  end?: { type: 'date'; date: string } | { type: 'occurrences'; occurrences: number };
}

export interface ScheduledJob extends JobDefinition {
  id: string;
  etag?: string;
  schedule: JobSchedule;
  enabled: boolean;
  completed?: boolean;
  /** OpenCentral: when the next occurrence runs; absent while disabled or completed. */
  nextRun?: string;
}

export const ACTIVE: JobStatus[] = ['pending', 'running'];

export function jobPath(id: string) {
  return '/jobs/' + encodeURIComponent(id);
}

export function createJob(id: string, job: JobDefinition) {
  return api<Job>('PUT', jobPath(id), { body: job });
}

export function scheduleJob(id: string, job: JobDefinition & { schedule: JobSchedule; enabled: boolean }) {
  return api<ScheduledJob>('PUT', '/scheduledJobs/' + encodeURIComponent(id), { body: job });
}

/** Enables or disables a scheduled job (PATCH {"enabled": …}). */
export function setScheduledEnabled(id: string, enabled: boolean) {
  return api<ScheduledJob>('PATCH', '/scheduledJobs/' + encodeURIComponent(id), { body: { enabled } });
}

export function jobAction(id: string, action: 'stop' | 'resume') {
  return api('POST', jobPath(id) + '/' + action);
}

export function rerunJob(id: string, rerunId: string) {
  return api<Job>('PUT', jobPath(id) + '/rerun/' + encodeURIComponent(rerunId));
}

/** The devices' outcomes as CSV: id, status, reason (quoted where needed). */
export function devicesCsv(devices: JobDevice[]): string {
  const cell = (text: string) => (/[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text);
  return ['device,status,reason', ...devices.map((d) => [d.id, d.status, d.reason ?? ''].map(cell).join(','))].join('\n') + '\n';
}

/** A new id from a name: lower case letters, digits and dashes, with a short random suffix. */
export function idFrom(name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'job';
  return base + '-' + Math.random().toString(36).slice(2, 7);
}
