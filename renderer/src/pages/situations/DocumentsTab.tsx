import { useState } from 'react';
import type { Result } from '../../../../electron/ipc/contract';
import { api, ApiError, DocumentFile, SessionInfo, SituationDetail } from '../../api';
import { can } from '../../app/permissions';
import { Alert, ErrorAlert } from '../../components/Alert';
import { saveDocument } from '../../documents';

/** The documents of the situation; every print is recorded in the audit trail by the main process. */
export function DocumentsTab({ situation: s, session }: { situation: SituationDetail; session: SessionInfo }) {
  const [withRepresentative, setWithRepresentative] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const print = async (call: Promise<Result<DocumentFile>>) => {
    setError(null);
    setNotice(null);
    const result = await call;
    if (!result.ok) return setError(result.error);
    saveDocument(result.value);
    setNotice(`Document « ${result.value.fileName} » prêt : enregistrez-le ou imprimez-le.`);
  };
  const open = s.state !== 'closed';
  return (
    <>
      <h2>Documents</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <ErrorAlert error={error} />}
      <h3>Pour la personne</h3>
      <p>
        En français simple et en gros caractères, préremplis avec les choix du consentement en vigueur (ou, avant lui, les choix par
        défaut).
      </p>
      <div className="checkbox">
        <input
          id="documents-representative"
          type="checkbox"
          checked={withRepresentative}
          onChange={(e) => setWithRepresentative(e.target.checked)}
        />
        <label htmlFor="documents-representative">Ajouter le cadre du représentant légal (tutelle, curatelle…)</label>
      </div>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={!open}
          onClick={() => void print(api.situations.informationNote({ id: s.id, withRepresentative }))}
        >
          Note d’information (PDF)
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!open}
          onClick={() => void print(api.situations.consentForm({ id: s.id, withRepresentative }))}
        >
          Formulaire de consentement (PDF)
        </button>
      </div>
      <h3>Pour la coordination</h3>
      <p>La fiche de saisine remplie porte l’identité de la personne : elle ne s’imprime que si les conditions préalables sont remplies.</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void print(api.situations.referralForm({ id: s.id }))}>
          Fiche de saisine remplie (PDF)
        </button>
        <button type="button" className="secondary" onClick={() => void print(api.situations.referralForm({}))}>
          Fiche de saisine vierge (PDF)
        </button>
      </div>
      {can(session, 'retention.accessReport') && (
        <>
          <h3>Droits de la personne</h3>
          <p>
            Droit d’accès : un relevé de tout ce que l’application conserve sur la personne (identité, saisine, consentements, ce que les
            comptes rendus disent de sa situation, actions, consultations journalisées), à lui remettre. Rectification : modifiez la saisine
            ou enregistrez un nouveau consentement ; chaque modification est journalisée. Effacement : après le retrait du consentement, la
            situation est proposée à l’effacement dans Administration › Conservation des données.
          </p>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              disabled={s.identity === null}
              onClick={() => void print(api.retention.accessReport({ situationId: s.id }))}
            >
              Relevé des données de la personne (PDF)
            </button>
          </div>
        </>
      )}
    </>
  );
}
