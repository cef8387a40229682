import { useEffect, useState } from 'preact/hooks';
import { api, FileUpload, getFileUploads } from '../../api';
import { useSession } from '../../session';
import { Badge, Confirm, ErrorBanner, Notice, Spinner, toast, toastError } from '../../ui/components';
import { useSubmit } from '../useActions';

/** ISO 8601 `PTnH`/`PTnM` as whole minutes (the server accepts PT1M to P1D). */
function minutes(iso: string | undefined): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso ?? '');
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : 60;
}

/**
 * Application settings: the Azure Blob storage devices upload files to (IoT Central's /fileUploads).
 * The connection string is write-only: the stored one is never shown, and leaving the field empty
 * keeps it (the form sends back the masked form the server answered). Without a storage, devices
 * upload to the embedded store.
 */
export function FileUploadSettings() {
  const session = useSession();
  const canManage = session.can('deviceFileUpload.manage');
  const [current, setCurrent] = useState<FileUpload | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [connectionString, setConnectionString] = useState('');
  const [container, setContainer] = useState('');
  const [ttl, setTtl] = useState(60);
  const [readAccess, setReadAccess] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = (config: FileUpload | null) => {
    setCurrent(config);
    setConnectionString('');
    setContainer(config?.container ?? '');
    setTtl(minutes(config?.sasTtl));
    setReadAccess(config?.readAccess ?? false);
  };
  const load = () => {
    const abort = new AbortController();
    setLoadError(null);
    getFileUploads(abort.signal).then(show, (e) => {
      if ((e as Error).name !== 'AbortError') setLoadError(e);
    });
    return () => abort.abort();
  };
  useEffect(load, []);

  const { busy: saving, error, submit } = useSubmit(async () => {
    const body = {
      connectionString: connectionString.trim() || current?.connectionString || '',
      container: container.trim(),
      sasTtl: `PT${ttl}M`,
      readAccess,
    };
    const saved = await api<FileUpload>('PUT', '/fileUploads', { body, headers: current?.etag ? { 'If-Match': `"${current.etag}"` } : {} });
    show(saved);
    toast('File upload storage saved.');
  });
  const remove = async () => {
    setBusy(true);
    try {
      await api('DELETE', '/fileUploads');
      show(null);
      toast('File upload storage removed: devices upload to the embedded store.');
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
      setRemoving(false);
    }
  };

  if (loadError) return <ErrorBanner error={loadError} onRetry={load} />;
  if (current === undefined) return <Spinner label="Loading file upload settings…" />;
  return (
    <section aria-labelledby="file-uploads-title">
      <div class="page-head">
        <h1 id="file-uploads-title">File uploads</h1>
        <div class="spacer" />
        {current && <Badge kind={current.state === 'succeeded' ? 'ok' : 'warn'}>{current.state ?? 'unknown'}</Badge>}
      </div>
      {current
        ? <Notice>Devices upload files to container <span class="mono">{current.container}</span> of Azure Storage account <span class="mono">{current.account}</span>.</Notice>
        : <Notice>No storage account is configured: devices upload files to the embedded store in the server's data directory.</Notice>}
      <form class="card" onSubmit={submit} aria-label="File upload storage">
        {error && <div class="banner error" role="alert">{error}</div>}
        <div class="field"><label for="fu-connection">Storage account connection string</label>
          <input id="fu-connection" type="password" autoComplete="off" required={!current} disabled={!canManage}
            placeholder={current ? 'Stored; enter a new one to replace it' : 'DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…'}
            value={connectionString} onInput={(e) => setConnectionString(e.currentTarget.value)} />
          <small>Write-only: the stored connection string is never shown.</small></div>
        <div class="field"><label for="fu-container">Container</label>
          <input id="fu-container" required pattern="[a-z0-9](-?[a-z0-9])+" minLength={3} maxLength={63} disabled={!canManage}
            value={container} onInput={(e) => setContainer(e.currentTarget.value)} />
          <small>Lowercase letters, digits and single hyphens.</small></div>
        <div class="field"><label for="fu-ttl">SAS token lifetime (minutes)</label>
          <input id="fu-ttl" type="number" min={1} max={1440} required disabled={!canManage}
            value={ttl} onInput={(e) => setTtl(Number(e.currentTarget.value))} />
          <small>How long a device's upload link is valid: 1 minute to 24 hours.</small></div>
        <div class="field">
          <label><input type="checkbox" checked={readAccess} disabled={!canManage} onChange={() => setReadAccess(!readAccess)} /> Users may download uploaded files</label>
        </div>
        {canManage && (
          <div class="actions left">
            <button class="primary" type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save'}</button>
            {current && <button type="button" class="secondary" onClick={() => setRemoving(true)}>Remove storage</button>}
          </div>
        )}
      </form>
      <Confirm open={removing} title="Remove the file upload storage?" action="Remove" busy={busy} onConfirm={remove}
        onCancel={() => setRemoving(false)}
        body={<p>Devices then upload to the embedded store. Files already uploaded stay where they are.</p>} />
    </section>
  );
}
