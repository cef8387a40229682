import { Config } from './destinationForms';
import { SecretField } from './SecretField';

interface Sasl { type: 'saslPlain'; username: string; password?: string }

const servers = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** A kafka@v1 destination: bootstrap servers, topic, TLS and optional SASL/PLAIN credentials (the password write-only). */
export function KafkaForm({ config, onChange }: { config: Config; onChange: (config: Config) => void }) {
  const sasl = config.authorization as Sasl | undefined;
  const set = (changes: Config) => onChange({ ...config, ...changes });
  const setSasl = (changes: Partial<Sasl>) => {
    const next = { type: 'saslPlain' as const, username: '', ...sasl, ...changes };
    const rest = { ...config };
    delete rest.authorization;
    onChange(next.username || next.password ? { ...rest, authorization: next } : rest);
  };
  return (
    <>
      <div class="field"><label for="k-servers">Bootstrap servers</label>
        <input id="k-servers" required value={((config.bootstrapServers as string[]) ?? []).join(', ')}
          placeholder="kafka-1:9092, kafka-2:9092" onInput={(e) => set({ bootstrapServers: servers(e.currentTarget.value) })} />
        <small>host:port, separated by commas.</small></div>
      <div class="field"><label for="k-topic">Topic</label>
        <input id="k-topic" required pattern="[A-Za-z0-9._\-]{1,249}" value={(config.topic as string) ?? ''}
          onInput={(e) => set({ topic: e.currentTarget.value })} /></div>
      <div class="field check"><input id="k-tls" type="checkbox" checked={!!config.tls}
        onChange={(e) => set({ tls: e.currentTarget.checked })} /><label for="k-tls">Connect over TLS</label></div>
      <div class="field"><label for="k-user">SASL/PLAIN username (optional)</label>
        <input id="k-user" value={sasl?.username ?? ''} required={!!sasl?.password}
          onInput={(e) => setSasl({ username: e.currentTarget.value })} /></div>
      <SecretField id="k-password" label="SASL/PLAIN password" value={sasl?.password} required={!!sasl?.username}
        onChange={(password) => setSasl({ password })} />
    </>
  );
}
