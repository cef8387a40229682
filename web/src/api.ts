// The one HTTP client of the UI: IoT Central's REST API under /api, authenticated by the session
// cookie, with the CSRF token echoed on every change (double submit, see Authenticator.java).

export const API_VERSION = '2022-07-31';
const CSRF_COOKIE = 'oc_csrf';
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

function csrfFromCookie(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(CSRF_COOKIE + '='));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : undefined;
}

/** An error the API answered (or a network failure), with a sentence a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly requestId?: string,
    /** Per-item problems (e.g. DTDL errors), each at a JSON pointer into the request body. */
    readonly details: ErrorDetail[] = [],
  ) {
    super(plainLanguage(status, code, detail));
  }
}

export interface ErrorDetail {
  code?: string;
  pointer?: string;
  message?: string;
  document?: string;
}

/** Listeners told when the session ended (401), so the app can return to sign-in. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void) {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function plainLanguage(status: number, code: string, detail: string): string {
  const known: Record<string, string> = {
    Unauthorized: 'You are not signed in, or your session has ended. Sign in again.',
    CsrfTokenMismatch: 'Your session could not confirm this change. Reload the page and try again.',
    Forbidden: 'Your role does not allow this action.',
    DeviceNotOnline: 'The device is not connected, so it cannot run the command.',
    GatewayTimeout: 'The device did not answer in time.',
    TooManyRequests: 'Too many requests. Wait a moment and try again.',
    PreconditionFailed: 'Someone else changed this in the meantime. Reload and try again.',
    Conflict: 'This already exists or conflicts with the current state.',
    NotImplemented: 'This is not supported by the server yet.',
  };
  const lead =
    known[code] ??
    (status === 0
      ? 'The server could not be reached. Check your connection.'
      : status === 404
        ? 'Not found.'
        : status === 400
          ? 'The request was not accepted.'
          : status >= 500
            ? 'The server failed to handle the request.'
            : `The request failed (HTTP ${status}).`);
  return detail && !lead.includes(detail) ? `${lead} ${capitalize(detail)}${/[.!?]$/.test(detail) ? '' : '.'}` : lead;
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function withVersion(path: string): string {
  if (path.includes('api-version=')) return path;
  return path + (path.includes('?') ? '&' : '?') + 'api-version=' + API_VERSION;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** Calls the API; resolves with the JSON body (undefined for 204) or rejects with an ApiError. */
export async function api<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers['X-CSRF-Token'] = token;
  }
  const url = path.startsWith('http') ? path : withVersion(/^\/api([/?]|$)/.test(path) ? path : '/api' + path);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NetworkError', '');
  }
  const text = await response.text();
  let json: any = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const error = json?.error ?? {};
    const failure = new ApiError(
      response.status,
      error.code ?? response.headers.get('x-ms-error-code') ?? `Http${response.status}`,
      error.message ?? (text && !json ? text.slice(0, 200) : ''),
      error.requestId,
      Array.isArray(error.details) ? error.details : [],
    );
    if (response.status === 401 && !path.includes('/auth/login')) unauthorizedListeners.forEach((l) => l());
    throw failure;
  }
  return json as T;
}

export const get = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, { signal });

/** A page of an IoT Central collection. */
export interface Collection<T> {
  value: T[];
  nextLink?: string;
}

export interface Device {
  id: string;
  etag?: string;
  displayName: string;
  template?: string;
  enabled: boolean;
  provisioned: boolean;
  simulated: boolean;
  organizations?: string[];
  /** OpenCentral extension: how often a simulated device sends, an ISO 8601 duration (absent: the server's default). */
  simulationInterval?: string;
  /** OpenCentral extension (read-only): whether the device is connected now. */
  connected?: boolean;
  /** OpenCentral extension (read-only): when the device was last heard from; absent when never. */
  lastActivity?: string;
}

export interface Credentials {
  idScope: string;
  symmetricKey: { primaryKey: string; secondaryKey: string };
}

export interface RoleAssignment {
  role: string;
  organization?: string;
}

/** GET /api/auth/me when signed in (an OpenCentral extension); `{signedIn: false}` otherwise. */
export interface Me {
  signedIn: true;
  id: string;
  type: 'user' | 'apiToken';
  roles: RoleAssignment[];
  permissions: string[];
  csrfToken?: string;
  email?: string;
}

export interface User {
  id: string;
  type: string;
  email: string;
  roles: RoleAssignment[];
}

export interface Role {
  id: string;
  displayName: string;
  permissions?: string[];
}

export interface ApiToken {
  id: string;
  roles: RoleAssignment[];
  expiry?: string;
  token?: string;
}

export interface CommandResult {
  id: string;
  request?: unknown;
  response?: unknown;
  responseCode: number;
  connectionTimeout: number;
  responseTimeout: number;
}

export interface DeviceTemplate {
  '@id': string;
  '@type': string[];
  etag?: string;
  displayName: string;
  description?: string;
  capabilityModel: any;
}

/** One series of GET /api/devices/{id}/telemetry (an OpenCentral extension): what the device has sent. */
export interface TelemetrySeries {
  component?: string;
  name: string;
  value: unknown;
  timestamp: string;
  modeled: boolean;
  displayName?: string;
  schema?: unknown;
}

export function listTelemetrySeries(deviceId: string, signal?: AbortSignal) {
  return get<{ value: TelemetrySeries[]; truncated: boolean }>('/devices/' + encodeURIComponent(deviceId) + '/telemetry', signal);
}

/** One stored message of GET /api/devices/{id}/rawData (an OpenCentral extension), newest first. */
export interface RawMessage {
  sequence: number;
  time: string;
  kind: 'telemetry' | 'connected' | 'disconnected';
  component?: string;
  /** The message body as text. */
  body: string;
  properties: Record<string, string>;
  /** Why the device disconnected. */
  reason?: string;
  /** Why the body has no named values (not JSON, or not a JSON object). */
  error?: string;
}

/** The newest page of a device's raw data, or the page a previous answer's nextLink names. */
export function listRawData(deviceId: string, nextLink?: string, signal?: AbortSignal) {
  return get<Collection<RawMessage>>(nextLink ?? '/devices/' + encodeURIComponent(deviceId) + '/rawData?maxpagesize=100', signal);
}

/** A template's model expanded by the server (GET …/deviceTemplates/{id}/model, an extension). */
export function getTemplateModel(templateId: string, signal?: AbortSignal) {
  return get<any>('/deviceTemplates/' + encodeURIComponent(templateId) + '/model', signal);
}

/** An OData string literal: quoted, with quotes doubled. */
export function odataString(text: string): string {
  return "'" + text.replace(/'/g, "''") + "'";
}

/** What GET /devices is asked for: OData `$filter` conditions (joined with `and`) and `$orderby`. */
export interface DeviceListQuery {
  conditions: string[];
  orderBy?: string;
  pageSize: number;
}

/** The first-page path of a device list; later pages follow the answer's nextLink. */
export function deviceListPath(query: DeviceListQuery): string {
  const params = new URLSearchParams({ maxpagesize: String(query.pageSize) });
  if (query.conditions.length) params.set('$filter', query.conditions.map((c) => '(' + c + ')').join(' and '));
  if (query.orderBy) params.set('$orderby', query.orderBy);
  return '/devices?' + params.toString().replace(/\+/g, '%20');
}
