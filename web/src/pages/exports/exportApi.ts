// Data export (/api/dataExport, IoT Central's 2022-10-31-preview API): exports, destinations, the
// delivery counters and "try a transform" (OpenCentral extensions).
import { Answered, api, get, Schemas } from '../../api';

const PREVIEW = 'api-version=2022-10-31-preview';

/** A data export path with the preview api-version (the data export API is not in 2022-07-31). */
export function exportPath(path: string): string {
  return '/dataExport' + path + (path.includes('?') ? '&' : '?') + PREVIEW;
}

export type Export = Answered<Schemas['Export'], 'id' | 'displayName' | 'enabled' | 'source' | 'destinations'>;
export type Destination = Answered<Schemas['Destination'], 'id' | 'displayName' | 'type'>;
export type WebhookDestination = Destination & Omit<Schemas['WebhookV1Destination'], keyof Schemas['Destination']>;
export type Customization = Schemas['WebhookV1DestinationCustomization'];
export type Enrichment = Schemas['Enrichment'];
export type DeliveryCounters = Schemas['DataExportMetrics'];
export type TransformTrial = Schemas['TransformTrial'];

export const SOURCES = [
  { value: 'telemetry', label: 'Telemetry' },
  { value: 'properties', label: 'Property changes' },
  { value: 'deviceConnectivity', label: 'Device connectivity' },
  { value: 'deviceLifecycle', label: 'Device lifecycle' },
  { value: 'deviceTemplateLifecycle', label: 'Device template lifecycle' },
  { value: 'audit', label: 'Audit log' },
] as const;

export function sourceLabel(source: string): string {
  return SOURCES.find((s) => s.value === source)?.label ?? source;
}

export function saveExport(id: string, body: Omit<Export, 'id'>) {
  return api<Export>('PUT', exportPath('/exports/' + encodeURIComponent(id)), { body });
}

export function saveDestination(id: string, body: Omit<Destination, 'id'>) {
  return api<Destination>('PUT', exportPath('/destinations/' + encodeURIComponent(id)), { body });
}

export function deleteExport(id: string) {
  return api('DELETE', exportPath('/exports/' + encodeURIComponent(id)));
}

export function deleteDestination(id: string) {
  return api('DELETE', exportPath('/destinations/' + encodeURIComponent(id)));
}

/** GET /api/dataExport/metrics (an extension): every export and destination's counters since the server started. */
export function deliveryCounters(signal?: AbortSignal) {
  return get<Schemas['DataExportMetricsCollection']>(exportPath('/metrics'), signal);
}

/** POST /api/dataExport/transforms/try (an extension): the transform's input and outputs; changes nothing. */
export function tryTransform(source: string, transform: string, message?: unknown) {
  return api<TransformTrial>('POST', exportPath('/transforms/try'), {
    body: { source, transform, ...(message === undefined ? {} : { message }) },
  });
}

/** The sum of an export's counters over its destinations; the lag is the largest. */
export function totals(exportId: string, counters: DeliveryCounters[]) {
  const mine = counters.filter((c) => c.exportId === exportId);
  return {
    running: mine.length > 0,
    sent: mine.reduce((n, c) => n + c.sent, 0),
    failed: mine.reduce((n, c) => n + c.failed, 0),
    lagEvents: Math.max(0, ...mine.map((c) => c.lagEvents)),
    lagSeconds: Math.max(0, ...mine.map((c) => c.lagSeconds)),
  };
}

export function statusKind(status?: string): 'ok' | 'warn' | 'bad' | 'neutral' | 'info' {
  switch (status) {
    case 'healthy': return 'ok';
    case 'partiallyHealthy': return 'warn';
    case 'error': return 'bad';
    case 'starting': return 'info';
    default: return 'neutral';
  }
}
