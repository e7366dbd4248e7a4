import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, DocumentFile, Result, TrainingSessionDetail } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { useLoaded } from '../../components/useList';
import { saveDocument } from '../../documents';
import { TRAINING_KINDS, TRAINING_STATUSES } from '../../../../electron/shared/training-vocabulary';
import { SECTORS } from '../../../../electron/shared/vocabulary';
import { ParticipantForm } from './ParticipantForm';
import { QuestionnaireForm, QuestionnaireList } from './Questionnaires';
import { TrainingForm } from './TrainingForm';
import { trainingDates } from './TrainingList';

/** One workshop or placement: its facts, participants, attestations and questionnaires. */
export function TrainingDetail({ canEdit }: { canEdit: boolean }) {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { value, error: loadError, reload } = useLoaded(() => api.training.get({ id }), id);
  const [training, setTraining] = useState<TrainingSessionDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ title: string; label: string; run: () => Promise<void> } | null>(null);
  const t = training ?? value;
  if (!t) return loadError ? <Alert>{loadError}</Alert> : <p aria-busy="true">Chargement…</p>;
  const updated = (next: TrainingSessionDetail, message: string) => {
    setTraining(next);
    setNotice(message);
    setError(null);
  };
  const act = async <T,>(call: Promise<Result<T>>, done: (value: T) => void) => {
    const result = await call;
    if (result.ok) done(result.value);
    else setError(result.error);
  };
  const download = (call: Promise<Result<DocumentFile>>) => void act(call, saveDocument);
  const held = t.status === 'held';
  if (editing)
    return (
      <TrainingForm
        training={t}
        onSaved={(saved) => {
          setEditing(false);
          updated(saved, 'Modifications enregistrées.');
          void reload();
        }}
      />
    );
  return (
    <section>
      <h1>{t.theme}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <ErrorAlert error={error} />}
      <dl className="facts">
        <dt>Type</dt>
        <dd>{TRAINING_KINDS[t.kind]}</dd>
        <dt>Dates</dt>
        <dd>{trainingDates(t)}</dd>
        <dt>Durée</dt>
        <dd>{String(t.durationHours).replace('.', ',')} h</dd>
        {t.place && (
          <>
            <dt>Lieu</dt>
            <dd>{t.place}</dd>
          </>
        )}
        {t.trainer && (
          <>
            <dt>Intervenant</dt>
            <dd>{t.trainer}</dd>
          </>
        )}
        {t.hostStructureName && (
          <>
            <dt>Structure d’accueil</dt>
            <dd>{t.hostStructureName}</dd>
          </>
        )}
        <dt>Statut</dt>
        <dd>{TRAINING_STATUSES[t.status]}</dd>
      </dl>
      {canEdit && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Modifier
          </button>
          {t.participants.length === 0 && t.questionnaires.length === 0 && (
            <button
              type="button"
              className="danger"
              onClick={() =>
                setConfirm({
                  title: 'Supprimer cet atelier ou ce stage ?',
                  label: 'Supprimer',
                  run: () => act(api.training.remove({ id: t.id }), () => void navigate('/formation/sessions')),
                })
              }
            >
              Supprimer
            </button>
          )}
        </div>
      )}

      <h2>{t.kind === 'placement' ? 'Professionnel accueilli' : 'Participants'}</h2>
      {t.participants.length === 0 ? (
        <p className="empty">Aucun participant inscrit.</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Participants</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Structure</th>
              <th scope="col">Secteur</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {t.participants.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.structureName}</td>
                <td>{SECTORS[p.sector]}</td>
                {canEdit && (
                  <td className="row-actions">
                    {held && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => download(api.training.attestation({ participantId: p.id }))}
                      >
                        Attestation de {p.name}
                      </button>
                    )}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        setConfirm({
                          title: `Retirer ${p.name} des participants ?`,
                          label: 'Retirer',
                          run: () =>
                            act(api.training.removeParticipant({ participantId: p.id }), (next) => updated(next, 'Participant retiré.')),
                        })
                      }
                    >
                      Retirer {p.name}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && held && t.participants.length > 0 && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => download(api.training.attestations({ sessionId: t.id }))}>
            Imprimer toutes les attestations de formation
          </button>
        </div>
      )}
      {canEdit && (t.kind === 'workshop' || t.participants.length === 0) && (
        <ParticipantForm sessionId={t.id} onAdded={(next) => updated(next, 'Participant inscrit.')} />
      )}

      <h2>Questionnaires</h2>
      <p>Le questionnaire est anonyme : il ne porte que le secteur de la structure, si la personne l’indique.</p>
      {canEdit && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => download(api.training.questionnaire({ sessionId: t.id }))}>
            Imprimer le questionnaire
          </button>
        </div>
      )}
      <QuestionnaireList
        training={t}
        onRemove={
          canEdit
            ? (questionnaireId) =>
                setConfirm({
                  title: 'Supprimer ce questionnaire ?',
                  label: 'Supprimer',
                  run: () =>
                    act(api.training.removeQuestionnaire({ id: questionnaireId }), (next) => updated(next, 'Questionnaire supprimé.')),
                })
            : null
        }
      />
      {canEdit &&
        (held ? (
          <QuestionnaireForm training={t} onRecorded={(next) => updated(next, 'Questionnaire enregistré.')} />
        ) : (
          <p className="empty">Les réponses se saisissent une fois l’atelier ou le stage marqué « Réalisé ».</p>
        ))}
      {confirm && (
        <Modal
          title={confirm.title}
          submitLabel={confirm.label}
          danger
          onCancel={() => setConfirm(null)}
          onSubmit={() => {
            const run = confirm.run;
            setConfirm(null);
            void run();
          }}
        >
          <p>Cette action est enregistrée dans le journal d’audit.</p>
        </Modal>
      )}
    </section>
  );
}
