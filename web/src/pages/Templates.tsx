import { Notice } from '../ui/components';

/** Device templates: the server has no template API yet (GET /api/deviceTemplates answers 404). */
export function Templates() {
  return (
    <section aria-labelledby="tpl-title">
      <div class="page-head"><h1 id="tpl-title">Device templates</h1></div>
      <Notice kind="warn">
        The server does not offer the device template API yet, so templates cannot be listed, imported or published here.
        Devices still work without a template: their telemetry, properties and commands are shown as the device sends them.
        The DTDL tooling is available from the command line: <code>opencentral dtdl validate model.json</code>.
      </Notice>
    </section>
  );
}
