import { useEffect, useRef, useState } from 'preact/hooks';
import { withVersion } from './api';
import type { Job } from './pages/jobs/jobApi';

// Live updates from GET /api/live (Server-Sent Events; org.opencentral.api.live on the server).

export interface LiveState { deviceId: string; connected: boolean; lastActivity?: string }
export interface LiveConnection { deviceId: string; connected: boolean; time: string; reason?: string }
export interface LiveTelemetry {
  deviceId: string;
  seq: number;
  time: string;
  component?: string;
  body?: unknown;
  raw: string;
  error?: string;
  properties?: Record<string, string>;
}
/** Cloud properties (written through the API) have no version; `component` is absent for the default one. */
export interface LiveProperties {
  deviceId: string;
  time: string;
  section: 'reported' | 'desired' | 'cloud';
  component?: string;
  patch: Record<string, unknown>;
  version?: number;
}
export interface LiveDevice { deviceId: string; time: string; change: 'CREATED' | 'UPDATED' | 'DELETED' }

export interface LiveHandlers {
  state?: (e: LiveState) => void;
  connection?: (e: LiveConnection) => void;
  telemetry?: (e: LiveTelemetry) => void;
  properties?: (e: LiveProperties) => void;
  device?: (e: LiveDevice) => void;
}

export type LiveStatus = 'connecting' | 'open' | 'unavailable';

/** Subscribes to live events of `deviceIds`; reconnects by itself (EventSource does). */
export function useLive(deviceIds: string[], handlers: LiveHandlers): LiveStatus {
  const key = deviceIds.join(',');
  return useStream(key ? '/api/live?devices=' + encodeURIComponent(key) : '', ['state', 'connection', 'telemetry', 'properties', 'device'], { ...handlers });
}

export interface JobHandlers {
  job?: (job: Job) => void;
  /** The stream opened (again) or fell behind: read again what it may have missed. */
  resync?: () => void;
}

/**
 * Subscribes to the changes of jobs (GET /api/live/jobs): those of `jobIds`, or with `'all'` every
 * job the caller may view; none while `jobIds` is empty.
 */
export function useJobsLive(jobIds: string[] | 'all', handlers: JobHandlers): LiveStatus {
  const key = jobIds === 'all' ? '' : jobIds.join(',');
  const url = jobIds === 'all' ? '/api/live/jobs' : key ? '/api/live/jobs?jobs=' + encodeURIComponent(key) : '';
  return useStream(url, ['job', 'overflow'], { job: handlers.job, open: handlers.resync, overflow: handlers.resync });
}

type Handlers = { [name: string]: ((data: any) => void) | undefined; open?: () => void };

/** An EventSource on `url` ('' for none) dispatching the events `names` to `handlers` (`open` when it opens). */
function useStream(url: string, names: string[], handlers: Handlers): LiveStatus {
  const ref = useRef(handlers);
  ref.current = handlers;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(withVersion(url));
    let failures = 0;
    source.onopen = () => {
      failures = 0;
      setStatus('open');
      ref.current.open?.();
    };
    source.onerror = () => {
      failures++;
      setStatus(failures > 3 || source.readyState === EventSource.CLOSED ? 'unavailable' : 'connecting');
    };
    for (const name of names) {
      source.addEventListener(name, (e) => ref.current[name]?.(JSON.parse((e as MessageEvent).data)));
    }
    return () => source.close();
  }, [url]);
  return status;
}

/**
 * `run`, at most once per `ms`: a call while it ran recently is coalesced into one call when the
 * interval is over (live events can arrive hundreds a second; what they trigger need not).
 */
export function useThrottled(run: () => void, ms: number): () => void {
  const ref = useRef(run);
  ref.current = run;
  const state = useRef<{ last: number; timer?: number }>({ last: 0 });
  useEffect(() => () => clearTimeout(state.current.timer), []);
  return () => {
    const s = state.current;
    if (s.timer !== undefined) return;
    const wait = s.last + ms - Date.now();
    const fire = () => {
      s.timer = undefined;
      s.last = Date.now();
      ref.current();
    };
    if (wait <= 0) fire();
    else s.timer = window.setTimeout(fire, wait);
  };
}

/** Every `ms`, `refresh` while `wanted`, but only when the live stream is unavailable (a fallback to polling). */
export function useFallbackRefresh(live: LiveStatus, wanted: boolean, refresh: () => void, ms = 10_000) {
  const ref = useRef(refresh);
  ref.current = refresh;
  useEffect(() => {
    if (live !== 'unavailable' || !wanted) return;
    const timer = setInterval(() => ref.current(), ms);
    return () => clearInterval(timer);
  }, [live, wanted, ms]);
}
