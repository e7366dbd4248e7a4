import { useState } from 'react';
import type { Result } from '../../api';
import { useApiForm } from '../../components/useApiForm';
import { useList } from '../../components/useList';

/**
 * A list edited in place (the CLSM's meetings, the common tools): every save or removal answers
 * with the new list, shown at once with a notice; a removal waits for its confirmation dialog.
 */
export function useRecordList<T extends { id: number }>(load: () => Promise<Result<T[]>>, remove: (id: number) => Promise<Result<T[]>>) {
  const loaded = useList(load, []);
  const [saved, setSaved] = useState<T[] | null>(null);
  const [removing, setRemoving] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useApiForm();
  const saveWith = (call: () => Promise<Result<T[]>>, message: string, then: () => void) =>
    form.submit(call, (next) => {
      setSaved(next);
      setNotice(message);
      then();
    });
  const confirmRemoval = async (message: string) => {
    const target = removing;
    setRemoving(null);
    if (!target) return;
    const result = await remove(target.id);
    if (result.ok) {
      setSaved(result.value);
      setNotice(message);
    } else form.setError(result.error);
  };
  return { items: saved ?? loaded.items, loadError: loaded.error, notice, removing, setRemoving, confirmRemoval, saveWith, form };
}
