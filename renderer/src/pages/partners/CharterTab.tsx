import { useCallback, useEffect, useId, useState } from 'react';
import { of } from '../../grammar';
import { api, ApiError, CharterVersionSummary, MemberSummary } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useAutosave } from '../../components/useAutosave';
import { useList } from '../../components/useList';
import { usePagedList } from '../../components/Pager';
import { saveDocument } from '../../documents';
import { formatDay, systemClock, today } from '../../../../electron/shared/dates';
import { CharterSignatures } from './CharterSignatures';
import { SignatureForm } from './SignatureForm';

const STATUS = { draft: 'Projet', current: 'En vigueur', superseded: 'Remplacée' } as const;

export function CharterTab({ canEdit, canAdopt }: { canEdit: boolean; canAdopt: boolean }) {
  const versions = useList(() => api.charter.list({}), []);
  // Paged in SQL: with a new version, most of the directory may still have to sign.
  const unsigned = usePagedList(
    (page) => api.partners.pageMembers({ charter: 'unsigned', ...page }),
    {},
    'Pages des membres sans signature',
  );
  const current = versions.items?.find((v) => v.status === 'current') ?? null;
  const draft = versions.items?.find((v) => v.status === 'draft') ?? null;
  const [text, setText] = useState('');
  const [adopting, setAdopting] = useState(false);
  const [adoptedOn, setAdoptedOn] = useState(today(systemClock));
  const [signing, setSigning] = useState<MemberSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const textId = useId();
  useEffect(() => setText(draft?.text ?? ''), [draft?.id, draft?.text]);
  const [abandoning, setAbandoning] = useState(false);
  const saveDraft = useCallback(async (value: string) => {
    const result = await api.charter.saveDraft({ text: value });
    if (!result.ok) setError(result.error);
    return result.ok;
  }, []);
  const autosave = useAutosave(canAdopt && draft ? text : (draft?.text ?? ''), draft?.text ?? '', saveDraft);

  const run = async <T,>(call: Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>, message: string) => {
    setError(null);
    const result = await call;
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setNotice(message);
    await Promise.all([versions.reload(), unsigned.reload()]);
    return true;
  };
  const print = async (version: CharterVersionSummary) => {
    const result = await api.charter.pdf({ versionId: version.id });
    if (result.ok) saveDocument(result.value);
    else setError(result.error);
  };

  return (
    <>
      <h1>Charte éthique et déontologique</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      {(versions.error || unsigned.error) && <Alert>{versions.error ?? unsigned.error}</Alert>}
      {error && !adopting && <ErrorAlert error={error} />}
      {current ? (
        <p>
          <strong>Version {current.version} en vigueur</strong>, adoptée le {formatDay(current.adoptedOn!)} — {current.signatureCount}{' '}
          signature{current.signatureCount > 1 ? 's' : ''}.{' '}
          <button type="button" className="link" onClick={() => void print(current)}>
            Imprimer la charte en vigueur (PDF)
          </button>
        </p>
      ) : (
        <Alert kind="info">Aucune charte n’est encore adoptée : la Commission ne peut convoquer personne tant qu’elle ne l’est pas.</Alert>
      )}

      {draft && (
        <section aria-labelledby={`${textId}-title`}>
          <h2 id={`${textId}-title`}>Projet de version {draft.version}</h2>
          <div className="field">
            <label htmlFor={textId}>Texte du projet</label>
            <textarea
              id={textId}
              className="charter-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              readOnly={!canAdopt}
              rows={18}
            />
          </div>
          {canAdopt && (
            <div className="actions">
              <p className="hint" role="status">
                {autosave === 'saved'
                  ? 'Projet enregistré.'
                  : autosave === 'failed'
                    ? 'Le projet n’a pas pu être enregistré.'
                    : 'Enregistrement du projet…'}
              </p>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setError(null);
                  setAdoptedOn(today(systemClock));
                  setAdopting(true);
                }}
              >
                Adopter la version {draft.version}
              </button>
              <button type="button" className="link" onClick={() => void print(draft)}>
                Aperçu PDF du projet
              </button>
              {current && (
                <button type="button" className="danger" onClick={() => setAbandoning(true)}>
                  Abandonner ce projet
                </button>
              )}
            </div>
          )}
          {abandoning && (
            <Modal
              title={`Abandonner le projet de version ${draft.version}`}
              submitLabel="Abandonner le projet"
              danger
              onCancel={() => setAbandoning(false)}
              onSubmit={() =>
                void run(api.charter.abandonDraft({}), `Projet abandonné : la version ${current?.version ?? ''} reste en vigueur.`).then(
                  () => setAbandoning(false),
                )
              }
            >
              <p>Le texte de ce projet sera supprimé. La version en vigueur et ses signatures ne changent pas.</p>
            </Modal>
          )}
        </section>
      )}
      {!draft && current && canAdopt && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void run(api.charter.newDraft({}), `Projet de version ${current.version + 1} préparé à partir de la version en vigueur.`)
            }
          >
            Préparer une nouvelle version
          </button>
        </div>
      )}

      {current && <h2>Membres qui doivent signer la version en vigueur</h2>}
      {current && unsigned.items?.length === 0 && <p>Tous les membres actifs ont signé la version en vigueur.</p>}
      {current && unsigned.total > 0 && (
        <p className="muted">
          {unsigned.total} membre{unsigned.total > 1 ? 's' : ''} sans signature.
        </p>
      )}
      {current && unsigned.items && unsigned.items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Membres sans signature de la version en vigueur</caption>
          <thead>
            <tr>
              <th scope="col">Membre</th>
              <th scope="col">Structure</th>
              <th scope="col">Motif</th>
              {canEdit && current && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {unsigned.items.map((m) => (
              <tr key={m.id}>
                <td>{m.displayName}</td>
                <td>{m.structureName}</td>
                <td>{m.charterReasons.map((r) => r.message).join(' ')}</td>
                {canEdit && current && (
                  <td>
                    <button type="button" className="secondary small" onClick={() => setSigning(m)}>
                      Enregistrer la signature<span className="visually-hidden"> {of(m.displayName)}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current && unsigned.pager}

      {current && (
        <CharterSignatures
          key={current.id}
          version={current}
          canCancel={canEdit}
          onChanged={(message) => {
            setNotice(message);
            void unsigned.reload();
            void versions.reload();
          }}
        />
      )}

      <h2>Versions</h2>
      <table className="data">
        <caption className="visually-hidden">Versions de la charte</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Statut</th>
            <th scope="col">Adoptée le</th>
            <th scope="col">Signatures</th>
            <th scope="col">Document</th>
          </tr>
        </thead>
        <tbody>
          {versions.items?.map((v) => (
            <tr key={v.id}>
              <td>{v.version}</td>
              <td>{STATUS[v.status]}</td>
              <td>{v.adoptedOn ? formatDay(v.adoptedOn) : '—'}</td>
              <td>{v.signatureCount}</td>
              <td>
                <button type="button" className="secondary small" onClick={() => void print(v)}>
                  PDF<span className="visually-hidden"> de la version {v.version}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {adopting && draft && (
        <Modal
          title={`Adopter la version ${draft.version}`}
          submitLabel="Adopter"
          onCancel={() => setAdopting(false)}
          onSubmit={() =>
            void (async () => {
              if (text !== draft.text && !(await run(api.charter.saveDraft({ text }), 'Projet enregistré.'))) return;
              if (
                await run(
                  api.charter.adopt({ versionId: draft.id, adoptedOn }),
                  `Version ${draft.version} adoptée : chaque membre doit la signer.`,
                )
              )
                setAdopting(false);
            })()
          }
        >
          <p>
            Une fois adoptée, cette version ne pourra plus être modifiée, et chaque membre devra la signer avant de participer à une séance.
          </p>
          {error && !error.fields && <ErrorAlert error={error} />}
          <Field
            label="Date d’adoption"
            type="date"
            value={adoptedOn}
            onChange={(e) => setAdoptedOn(e.target.value)}
            error={error?.fields?.adoptedOn}
            required
          />
        </Modal>
      )}
      {signing && current && (
        <SignatureForm
          member={signing}
          version={current}
          onCancel={() => setSigning(null)}
          onSaved={(m) => {
            setSigning(null);
            void run(Promise.resolve({ ok: true as const, value: m }), `Signature ${of(m.displayName)} enregistrée.`);
          }}
        />
      )}
    </>
  );
}
