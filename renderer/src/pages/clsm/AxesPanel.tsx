import { FormEvent, useState } from 'react';
import { api, AxisView } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useApiForm } from '../../components/useApiForm';

/** The plan's axes: added, renamed, archived (an archived axis keeps its actions and takes no new one). */
export function AxesPanel({ axes, onChanged }: { axes: AxisView[]; onChanged: (message: string) => Promise<void> }) {
  const [title, setTitle] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; title: string } | null>(null);
  const { busy, error, submit, fieldError } = useApiForm();
  const add = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => api.clsm.saveAxis({ title }),
      () => {
        setTitle('');
        return onChanged(`Axe « ${title.trim()} » ajouté.`);
      },
    );
  };
  const save = (axis: AxisView, patch: { title?: string; archived?: boolean }, message: string) =>
    submit(
      () => api.clsm.saveAxis({ id: axis.id, title: patch.title ?? axis.title, archived: patch.archived ?? axis.archived }),
      () => {
        setRenaming(null);
        return onChanged(message);
      },
    );
  return (
    <section className="card panel" aria-labelledby="axes-title">
      <h2 id="axes-title">Axes du plan</h2>
      {error && <ErrorAlert error={error} />}
      <ol>
        {axes.map((a) => (
          <li key={a.id}>
            {renaming?.id === a.id ? (
              <form
                className="inline-form"
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  void save(a, { title: renaming.title }, `Axe renommé « ${renaming.title.trim()} ».`);
                }}
              >
                <Field
                  label="Intitulé de l’axe"
                  value={renaming.title}
                  onChange={(e) => setRenaming({ ...renaming, title: e.target.value })}
                  error={fieldError('title')}
                  autoFocus
                />
                <button type="submit" className="primary" disabled={busy}>
                  Enregistrer
                </button>
                <button type="button" className="secondary" onClick={() => setRenaming(null)}>
                  Annuler
                </button>
              </form>
            ) : (
              <>
                {a.title}{' '}
                <span className="muted">
                  ({a.actions} action{a.actions > 1 ? 's' : ''})
                </span>
                {a.archived && <span className="badge neutral">Archivé</span>}{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setRenaming({ id: a.id, title: a.title })}
                  aria-label={`Renommer l’axe « ${a.title} »`}
                >
                  Renommer
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() =>
                    void save(a, { archived: !a.archived }, a.archived ? `Axe « ${a.title} » rétabli.` : `Axe « ${a.title} » archivé.`)
                  }
                  aria-label={`${a.archived ? 'Rétablir' : 'Archiver'} l’axe « ${a.title} »`}
                >
                  {a.archived ? 'Rétablir' : 'Archiver'}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      <form onSubmit={add} className="inline-form" noValidate>
        <Field
          label="Nouvel axe"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={renaming ? undefined : fieldError('title')}
        />
        <button type="submit" className="secondary" disabled={busy || title.trim() === ''}>
          Ajouter l’axe
        </button>
      </form>
    </section>
  );
}
