// Rules (/api/rules, an OpenCentral extension; docs/rules.md). The shapes are written here as the
// server answers them (the served OpenAPI document's Rule definitions). Members
// marked "newer" are being added to the server: a server without them refuses them with a 400.
import { api, ApiError, Collection, get, Schemas } from '../../api';

/** What a condition compares with: a constant (`value`) or, newer, a cloud property of the device (`compareTo`). */
interface Comparison {
  operator: string;
  value?: number | string | boolean;
  compareTo?: { cloudProperty: string };
}

export type Aggregation = 'avg' | 'min' | 'max' | 'sum' | 'count';

export type ConditionItem =
  | ({ telemetry: string; member?: string; component?: string; aggregation?: Aggregation } & Comparison)
  | ({ property: string; member?: string; component?: string } & Comparison)
  | ({ cloudProperty: string } & Comparison)
  | { connectivity: 'connected' | 'disconnected' }
  | { absence: string; component?: string; duration: string };

/** When an action runs (newer): on a fire (the default) or on a resolve. */
type On = { on?: 'fire' | 'resolve'; minInterval?: string };

export type RuleAction =
  | ({ type: 'webhook'; url: string; headers?: Record<string, string>; secret?: string; signed?: boolean } & On)
  | ({ type: 'email'; to: string[] } & On)
  | ({ type: 'command'; command: string; component?: string; request?: unknown } & On)
  | ({ type: 'property'; property: string; component?: string; value: unknown } & On)
  | ({ type: 'cloudProperty'; cloudProperty: string; value: unknown } & On);

export interface RuleBody {
  displayName: string;
  enabled: boolean;
  template: string;
  /** Newer: a device group of the template the rule is limited to. */
  group?: string;
  /** A device group filter (`SELECT * FROM devices WHERE …`) the rule's devices must match. */
  filter?: string;
  conditions: { match: 'all' | 'any'; items: ConditionItem[] };
  window?: string;
  lateness?: string;
  resolveAfter?: string;
  renotify?: string;
  actions: RuleAction[];
}

/** What the rule is doing, kept by the server (read-only): devices firing now and its newest fire or re-notification. */
export type RuleStatus = Schemas['RuleStatus'];

export interface Rule extends RuleBody {
  id: string;
  status?: RuleStatus;
}

export type HistoryKind = 'fired' | 'renotified' | 'resolved' | 'actionSent' | 'actionFailed';

/** One entry of a rule's history or of a replay: the values it saw grouped as in IoT Central's webhook payload. */
export interface HistoryEntry {
  id?: number;
  device: string;
  kind: HistoryKind;
  time: string;
  telemetry?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  cloudProperties?: Record<string, unknown>;
  window?: { start: string; end: string };
  action?: number;
  type?: string;
  attempts?: number;
  suppressed?: number;
  error?: string;
}

export interface ReplayResult {
  value: HistoryEntry[];
  eventsRead: number;
  truncated: boolean;
}

/** The answer of a "send test" of one action. */
export interface ActionTest {
  outcome: 'sent' | 'failed';
  detail?: string;
}

export const rulePath = (id: string) => '/rules/' + encodeURIComponent(id);

export function saveRule(id: string, body: RuleBody) {
  return api<Rule>('PUT', rulePath(id), { body });
}

/** A JSON merge patch: what the editor changed, `null` for what it removed. */
export function patchRule(id: string, patch: Record<string, unknown>) {
  return api<Rule>('PATCH', rulePath(id), { body: patch });
}

export function deleteRule(id: string) {
  return api<void>('DELETE', rulePath(id));
}

export function ruleHistory(path: string, signal?: AbortSignal) {
  return get<Collection<HistoryEntry>>(path, signal);
}

export function replayRule(id: string, from: Date, to: Date, rule?: RuleBody) {
  return api<ReplayResult>('POST', rulePath(id) + '/replay', {
    body: { from: from.toISOString(), to: to.toISOString(), ...(rule ? { rule } : {}) },
  });
}

/** "Send test" of a stored action; a device action needs the `device` it acts on. */
export function testAction(id: string, index: number, device?: string) {
  return api<ActionTest>('POST', rulePath(id) + '/actions/' + index + '/test', device ? { body: { device } } : {});
}

/** A rule id from its name: letters, digits, '.', '_', '~', '-' (at most 128), as the server accepts. */
export function ruleIdFrom(name: string): string {
  const id = name.trim().toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
  return (id || 'rule') + '-' + Date.now().toString(36);
}

/** Where an entry came from: fires, renotifications and resolves change a device's state. */
export const STATE_KINDS: HistoryKind[] = ['fired', 'renotified', 'resolved'];

/** Where a 400 points: `conditions.items[2]…` → the condition 2, `actions[0]…` → the action 0, `filter: …` → the filter, else the rule. */
export interface Located { conditions: Record<number, string>; actions: Record<number, string>; filter?: string; rule?: string }

export function locate(error: unknown): Located {
  const out: Located = { conditions: {}, actions: {} };
  if (!(error instanceof ApiError) || error.status !== 400) {
    out.rule = error instanceof Error ? error.message : error ? String(error) : undefined;
    return out;
  }
  if (error.detail.startsWith('filter: ')) {
    out.filter = error.detail;
    return out;
  }
  const m = /^(conditions\.items|actions)\[(\d+)\]/.exec(error.detail);
  if (!m) out.rule = error.message;
  else if (m[1] === 'actions') out.actions[Number(m[2])] = error.detail;
  else out.conditions[Number(m[2])] = error.detail;
  return out;
}
