import { Config } from './destinationForms';
import { SecretField } from './SecretField';

/** An eventhubs@v1 destination: the event hub's connection string (write-only), sent through its Kafka endpoint. */
export function EventHubsForm({ config, onChange }: { config: Config; onChange: (config: Config) => void }) {
  const auth = config.authorization as { connectionString?: string } | undefined;
  return (
    <SecretField id="e-connection" label="Connection string" value={auth?.connectionString} required
      hint="Endpoint=sb://…/;SharedAccessKeyName=…;SharedAccessKey=…;EntityPath=hub"
      onChange={(connectionString) => onChange({ ...config, authorization: { type: 'connectionString', connectionString } })} />
  );
}
