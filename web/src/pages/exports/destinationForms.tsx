// The form of each destination type, by its wire type: a new destination type adds one entry here
// (its label, an empty configuration, and the form that edits the type's own members).
import { ComponentType } from 'preact';
import { Destination } from './exportApi';
import { BlobStorageForm } from './BlobStorageForm';
import { EventHubsForm } from './EventHubsForm';
import { FolderForm } from './FolderForm';
import { KafkaForm } from './KafkaForm';
import { PostgresForm } from './PostgresForm';
import { WebhookForm } from './WebhookForm';

/** The members of a destination its type's form edits (everything but id, displayName, type and status). */
export type Config = Record<string, unknown>;

export interface DestinationForm {
  label: string;
  empty: () => Config;
  Form: ComponentType<{ config: Config; onChange: (config: Config) => void }>;
}

export const DESTINATION_FORMS: Record<string, DestinationForm> = {
  'webhook@v1': { label: 'Webhook', empty: () => ({ url: '' }), Form: WebhookForm },
  'kafka@v1': { label: 'Kafka', empty: () => ({ bootstrapServers: [], topic: '' }), Form: KafkaForm },
  'eventhubs@v1': { label: 'Azure Event Hubs', empty: () => ({}), Form: EventHubsForm },
  'postgresql@v1': { label: 'PostgreSQL table', empty: () => ({ url: '', username: '', table: '' }), Form: PostgresForm },
  'blobstorage@v1': {
    label: 'Azure Blob Storage',
    empty: () => ({ authorization: { type: 'connectionString', containerName: '' } }),
    Form: BlobStorageForm,
  },
  'folder@v1': { label: 'Folder on the server', empty: () => ({ path: '' }), Form: FolderForm },
};

export function destinationForm(type: string): DestinationForm | undefined {
  return DESTINATION_FORMS[type];
}

const READ_ONLY = ['id', 'displayName', 'type', 'status', 'errors', 'lastExportTime'];

/** A destination's own members, for its type's form. */
export function configOf(destination: Destination): Config {
  return Object.fromEntries(Object.entries(destination).filter(([k]) => !READ_ONLY.includes(k)));
}
