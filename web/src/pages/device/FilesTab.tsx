import { useEffect, useState } from 'preact/hooks';
import { DeviceFile, deviceFileUrl, listDeviceFiles } from '../../api';
import { Badge, ErrorBanner, Notice, Spinner } from '../../ui/components';

/** Bytes as a short size with a unit. */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const STATUS: Record<DeviceFile['status'], { kind: 'ok' | 'warn' | 'bad'; label: string }> = {
  uploaded: { kind: 'warn', label: 'Uploaded, not notified' },
  completed: { kind: 'ok', label: 'Completed' },
  failed: { kind: 'bad', label: 'Failed' },
};

/** The files the device uploaded (IoT Hub's file-upload flow), newest first, each with a download link. */
export function FilesTab({ deviceId }: { deviceId: string }) {
  const [files, setFiles] = useState<DeviceFile[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => {
    const abort = new AbortController();
    setError(null);
    listDeviceFiles(deviceId, abort.signal).then((page) => setFiles(page.value), (e) => {
      if ((e as Error).name !== 'AbortError') setError(e);
    });
    return () => abort.abort();
  };
  useEffect(load, [deviceId]);

  if (error) return <ErrorBanner error={error} onRetry={load} />;
  if (!files) return <Spinner label="Loading files…" />;
  return (
    <div>
      <Notice>Files the device uploaded through IoT Hub's file upload, newest first.</Notice>
      <table class="table" aria-label="Uploaded files">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">Content type</th>
            <th scope="col">Uploaded</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {files.length === 0 && <tr><td colSpan={5} class="muted">No files yet.</td></tr>}
          {files.map((f) => (
            <tr key={f.id} data-file={f.id}>
              <td><a href={deviceFileUrl(deviceId, f.id)} download>{f.fileName}</a></td>
              <td>{size(f.size)}</td>
              <td class="mono small">{f.contentType ?? '—'}</td>
              <td><time dateTime={f.uploaded} title={f.uploaded}>{new Date(f.uploaded).toLocaleString()}</time></td>
              <td><Badge kind={STATUS[f.status].kind}>{STATUS[f.status].label}</Badge></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
