// The one HTTP client of the UI: IoT Central's REST API under /api, authenticated by the session
// cookie, with the CSRF token echoed on every change (double submit, see Authenticator.java).
import type { components } from './generated/api-types';

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

/** One problem of a model or value error, at a JSON pointer into the request body. */
export type ErrorDetail = Schemas['ErrorProblem'];

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

// ---- The API's shapes ----
// Generated at build time from the served OpenAPI document (/api/openapi.json, written by the api
// module's build; see web/api-types): the schemas are `components['schemas']`. Where IoT Central's
// document leaves a member optional (a request may omit it) but the server always answers it,
// `Answered` makes it required. A shape the document lacks is added to the document
// (api/src/main/resources/openapi/opencentral-extensions.json), not written here.

export type Schemas = components['schemas'];

/** A schema with the members `K` that every answer carries made required. */
export type Answered<T, K extends keyof T> = Omit<T, K> & Required<Pick<T, K>>;

/** A page of an IoT Central collection. */
export type Collection<T> = Omit<Schemas['Collection'], 'value'> & { value: T[] };

export type Device = Answered<Schemas['Device'], 'id' | 'displayName' | 'enabled' | 'provisioned' | 'simulated'>;

export type Credentials = Answered<Schemas['DeviceCredentials'], 'symmetricKey'>;

export type RoleAssignment = Schemas['RoleAssignment'];

/**
 * GET /api/auth/me when signed in (an OpenCentral extension); `{signedIn: false}` otherwise. `email` is
 * not part of the answer: the UI reads it from the user (session.ts).
 */
export type Me = Answered<Schemas['Me'], 'id' | 'type' | 'roles' | 'permissions'> & { signedIn: true; email?: string };

export type User = Answered<Schemas['EmailUser'], 'id'>;

export type Role = Answered<Schemas['Role'], 'id' | 'displayName'>;

export type ApiToken = Answered<Schemas['ApiToken'], 'id'>;

export type CommandResult = Answered<Schemas['DeviceCommand'], 'id' | 'responseCode' | 'connectionTimeout' | 'responseTimeout'>;

export type DeviceTemplate = Answered<Schemas['DeviceTemplate'], '@id' | 'displayName'>;

/** One series of GET /api/devices/{id}/telemetry (an OpenCentral extension): what the device has sent. */
export type TelemetrySeries = Schemas['TelemetrySeries'];

/** One stored message of GET /api/devices/{id}/rawData (an OpenCentral extension), newest first. */
export type RawMessage = Schemas['RawMessage'];

/** One file a device uploaded (GET /api/devices/{id}/files, an OpenCentral extension), newest first. */
export type DeviceFile = Schemas['DeviceFile'];

// ---- Calls ----

export function listTelemetrySeries(deviceId: string, signal?: AbortSignal) {
  return get<Schemas['TelemetrySeriesCollection']>('/devices/' + encodeURIComponent(deviceId) + '/telemetry', signal);
}

/** The newest page of a device's raw data, or the page a previous answer's nextLink names. */
export function listRawData(deviceId: string, nextLink?: string, signal?: AbortSignal) {
  return get<Schemas['RawMessageCollection']>(nextLink ?? '/devices/' + encodeURIComponent(deviceId) + '/rawData?maxpagesize=100', signal);
}

/** The files a device uploaded, newest first. */
export function listDeviceFiles(deviceId: string, signal?: AbortSignal) {
  return get<Schemas['DeviceFileCollection']>('/devices/' + encodeURIComponent(deviceId) + '/files', signal);
}

/** Where one of a device's files downloads from (the session cookie authorizes the plain link). */
export function deviceFileUrl(deviceId: string, fileId: string) {
  return withVersion('/api/devices/' + encodeURIComponent(deviceId) + '/files/' + encodeURIComponent(fileId));
}

/** The application's file upload storage (IoT Central's /fileUploads); its connection string comes back masked. */
export type FileUpload = Schemas['FileUpload'];

/** The file upload storage, or null when devices upload to the embedded store (404). */
export async function getFileUploads(signal?: AbortSignal): Promise<FileUpload | null> {
  try {
    return await get<FileUpload>('/fileUploads', signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
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
