import { useState } from 'preact/hooks';
import { toast, toastError } from '../ui/components';

/**
 * Deleting an item of a list after a confirmation: `deleting` is the item asked about (show a
 * Confirm while it is set), `confirm` deletes it with `remove`, says so in a toast (`done` says what
 * was done to the item) and reloads the list; a failure is a toast too.
 */
export function useConfirmedDelete<T>(remove: (item: T) => Promise<unknown>, reload: () => void,
  done: (item: T) => string) {
  const [deleting, setDeleting] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await remove(deleting!);
      toast(done(deleting!));
      reload();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };
  return { deleting, setDeleting, busy, confirm };
}

/** A failure as a sentence for a form's banner: its message. */
export function failureMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A form's submit: runs `save` once the form is submitted, with `busy` set meanwhile; a failure
 * becomes `error`, the sentence `describe` makes of it for the form's banner.
 */
export function useSubmit(save: () => Promise<void>, describe: (err: unknown) => string = failureMessage) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await save();
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
