import { useEffect, useRef, useState } from 'preact/hooks';
import { withVersion } from './api';

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
  const ref = useRef(handlers);
  ref.current = handlers;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const key = deviceIds.join(',');
  useEffect(() => {
    if (!key) return;
    const source = new EventSource(withVersion('/api/live?devices=' + encodeURIComponent(key)));
    let failures = 0;
    source.onopen = () => {
      failures = 0;
      setStatus('open');
    };
    source.onerror = () => {
      failures++;
      setStatus(failures > 3 || source.readyState === EventSource.CLOSED ? 'unavailable' : 'connecting');
    };
    for (const name of ['state', 'connection', 'telemetry', 'properties', 'device'] as const) {
      source.addEventListener(name, (e) => {
        const data = JSON.parse((e as MessageEvent).data);
        (ref.current[name] as ((d: unknown) => void) | undefined)?.(data);
      });
    }
    return () => source.close();
  }, [key]);
  return status;
}
