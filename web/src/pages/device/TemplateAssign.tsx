import { useEffect, useState } from 'preact/hooks';
import { api, Collection, Device, DeviceTemplate, get } from '../../api';
import { linkClick } from '../../router';
import { useSession } from '../../session';

/** The device's template: a link to it, and (with Update permission) assignment by PATCH {template}. */
export function TemplateAssign({ device, canUpdate, onChanged }: { device: Device; canUpdate: boolean; onChanged: (d: Device) => void }) {
  const [templates, setTemplates] = useState<DeviceTemplate[] | null>(null);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = useTemplateName(useSession().can('deviceTemplates.view') ? device.template : undefined);
  const open = async () => {
    setError(null);
    try {
      let page = await get<Collection<DeviceTemplate>>('/deviceTemplates?maxpagesize=100');
      let all = page.value;
      for (let i = 0; page.nextLink && i < 10; i++) {
        page = await get<Collection<DeviceTemplate>>(page.nextLink);
        all = all.concat(page.value);
      }
      setTemplates(all);
      setChoice(all[0]?.['@id'] ?? '');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const assign = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onChanged(await api<Device>('PATCH', '/devices/' + encodeURIComponent(device.id), { body: { template: choice } }));
      setTemplates(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {device.template
        ? <><a href={'/templates/' + encodeURIComponent(device.template)} onClick={linkClick} title={device.template}>{name ?? device.template}</a>
          {name && <div class="muted small mono" data-testid="template-id">{device.template}</div>}</>
        : <span class="muted">Unassigned</span>}
      {canUpdate && !device.template && !templates && (
        <> <button type="button" class="link" onClick={open}>Assign template</button></>
      )}
      {templates && (
        templates.length === 0 ? <p class="muted small">No templates are published yet. Import one under Device templates.</p> : (
          <form class="inline-form" onSubmit={assign}>
            <div class="field"><label for="dev-tpl">Device template</label>
              <select id="dev-tpl" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
                {templates.map((t) => <option key={t['@id']} value={t['@id']}>{t.displayName} ({t['@id']})</option>)}
              </select></div>
            <button type="submit" class="primary" disabled={busy || !choice}>{busy ? 'Assigning…' : 'Assign'}</button>
            <button type="button" class="secondary" onClick={() => setTemplates(null)}>Cancel</button>
          </form>
        )
      )}
      {error && <div class="banner error" role="alert">{error}</div>}
    </>
  );
}

/** The display name of template `id` (undefined while loading, without a template, or when it cannot be read). */
function useTemplateName(id: string | undefined): string | undefined {
  const [name, setName] = useState<string | undefined>(undefined);
  useEffect(() => {
    setName(undefined);
    if (!id) return;
    const abort = new AbortController();
    get<DeviceTemplate>('/deviceTemplates/' + encodeURIComponent(id), abort.signal)
      .then((t) => setName(t.displayName || undefined), () => undefined);
    return () => abort.abort();
  }, [id]);
  return name;
}
