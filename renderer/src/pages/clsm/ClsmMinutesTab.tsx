import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { CLSM_ATTENDANCES } from '../../../../electron/shared/clsm-vocabulary';
import { api, ClsmMeetingDetail, SessionInfo } from '../../api';
import { can } from '../../app/permissions';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, TextAreaField } from '../../components/Field';
import { PdfPreview } from '../../components/PdfPreview';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';
import { saveDocument } from '../../documents';
import { formatDateTime } from '../../labels';
import type { Changed } from './meeting';
import { MinutesPart } from './MinutesPart';
import { ReviewsPanel } from './ReviewsPanel';

/** What signing still waits for, in the order a coordinator settles it. */
function missing(m: ClsmMeetingDetail): string[] {
  const pending = m.invitations.filter((i) => i.attendance === 'invited').length;
  return [
    ...(m.status !== 'held' ? ['la réunion n’est pas marquée « tenue » (Modifier la réunion)'] : []),
    ...(m.invitations.length === 0 ? ['personne n’est invité'] : []),
    ...(pending > 0 ? [`la présence n’est pas notée pour ${pending} invité${pending > 1 ? 's' : ''} (onglet Présence)`] : []),
    ...(m.points.length === 0 ? ['l’ordre du jour est vide'] : []),
  ];
}

/** The minutes in the seed's frame: written part by part, previewed, signed by the coordination, then addenda. */
export function ClsmMinutesTab({ meeting, session, onChanged }: { meeting: ClsmMeetingDetail; session: SessionInfo; onChanged: Changed }) {
  const writer = can(session, 'clsm.saveMinutes') && !meeting.locked && meeting.status !== 'cancelled';
  const signer = can(session, 'clsm.signMinutes');
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const showPreview = async () => {
    const result = await api.clsm.previewMinutes({ meetingId: meeting.id });
    if (result.ok) {
      setPreview(result.value.base64);
      setError(null);
    } else setError(result.error.message);
  };
  const download = async (documentId: number) => {
    const result = await api.clsm.minutesDocument({ documentId });
    if (result.ok) saveDocument(result.value);
    else setError(result.error.message);
  };
  const saved: Changed = (fresh, message) => {
    setPreview(null);
    onChanged(fresh, message);
  };
  const gaps = missing(meeting);
  return (
    <>
      {error && <Alert>{error}</Alert>}
      {meeting.signedDocuments.length > 0 && (
        <section className="card panel" aria-labelledby="signed-title">
          <h2 id="signed-title">Compte rendu signé</h2>
          <ul>
            {meeting.signedDocuments.map((d) => (
              <li key={d.id}>
                {d.kind === 'minutes' ? 'Compte rendu' : `Additif n° ${d.sequence}`}, signé le {formatDateTime(d.signedAt)} par{' '}
                {d.signers[0]?.name}{' '}
                <button type="button" className="secondary" onClick={() => void download(d.id)}>
                  {d.kind === 'minutes' ? 'Télécharger le compte rendu signé' : `Télécharger l’additif n° ${d.sequence}`}
                </button>
              </li>
            ))}
          </ul>
          {signer && <AddendumForm meeting={meeting} onChanged={saved} />}
        </section>
      )}
      {!meeting.locked && !writer && <p className="empty">Le compte rendu n’est pas encore signé.</p>}
      {writer && (
        <>
          <p className="hint">
            Chaque partie s’écrit et s’enregistre à part. Une ligne qui commence par « # » ouvre une sous-partie (numérotée 2.1, 2.2…), « ##
            » une sous-sous-partie (2.1.1) ; « - » commence une liste. Le texte est conservé en brouillon tant qu’il n’est pas enregistré.
          </p>
          <MinutesPart meeting={meeting} part="intro" label="Introduction (facultative)" text={meeting.minutes.intro} onChanged={saved} />
          <MinutesPart
            meeting={meeting}
            part="opening"
            label="1. Ouverture de la réunion"
            text={meeting.minutes.opening}
            onChanged={saved}
          />
          {meeting.points.map((p, index) => (
            <MinutesPart
              key={p.id}
              meeting={meeting}
              part="point"
              pointId={p.id}
              label={`${index + 2}. ${p.title}${p.presenter ? ` — présenté par ${p.presenter}` : ''}`}
              text={p.minutesText}
              onChanged={saved}
            />
          ))}
          <MinutesPart
            meeting={meeting}
            part="closing"
            label={`${meeting.points.length + 2}. Clôture de la réunion`}
            text={meeting.minutes.closing}
            onChanged={saved}
          />
          <MinutesPart
            meeting={meeting}
            part="discussed"
            label={`${meeting.points.length + 3}. Points discutés`}
            text={meeting.minutes.discussed}
            onChanged={saved}
          />
          <ReviewsPanel meeting={meeting} onChanged={saved} />
          <p className="muted">
            Participants : « voir la feuille d’émargement » —{' '}
            {Object.entries(CLSM_ATTENDANCES)
              .map(([code, label]) => [label, meeting.invitations.filter((i) => i.attendance === code).length] as const)
              .filter(([, n]) => n > 0)
              .map(([label, n]) => `${label.toLowerCase()} : ${n}`)
              .join(', ') || 'aucun invité'}
            .
          </p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void showPreview()}>
              Aperçu du compte rendu (projet)
            </button>
          </div>
          {preview && <PdfPreview base64={preview} label="Projet de compte rendu" />}
          {signer ? (
            gaps.length > 0 ? (
              <Alert kind="info">Avant de signer : {gaps.join(' ; ')}.</Alert>
            ) : (
              <SignForm meeting={meeting} onChanged={saved} />
            )
          ) : (
            <p className="muted">La coordination signe le compte rendu une fois rédigé.</p>
          )}
        </>
      )}
    </>
  );
}

function SignForm({ meeting, onChanged }: { meeting: ClsmMeetingDetail; onChanged: Changed }) {
  const [password, setPassword] = useState('');
  const { busy, error, submit, fieldError } = useApiForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => api.clsm.signMinutes({ meetingId: meeting.id, password }),
      (fresh) => onChanged(fresh, 'Compte rendu signé : il ne peut plus être modifié, une correction se fait par un additif.'),
    ).finally(() => setPassword(''));
  };
  return (
    <form onSubmit={onSubmit} className="card panel" noValidate aria-labelledby="sign-title">
      <h2 id="sign-title">Signer le compte rendu</h2>
      {error && (error.code === 'CERTIFICATE_MISSING' ? <CertificateMissing /> : <ErrorAlert error={error} />)}
      <p>La signature électronique (PAdES) est celle de votre certificat. Une fois signé, le compte rendu ne peut plus être modifié.</p>
      <Field
        label="Mot de passe de votre certificat"
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError('password')}
      />
      <button type="submit" className="primary" disabled={busy || password === ''}>
        {busy ? 'Signature…' : 'Signer le compte rendu'}
      </button>
    </form>
  );
}

function CertificateMissing() {
  return (
    <Alert>
      Aucun certificat de signature n’est enregistré pour vous.{' '}
      <Link to="/administration/certificat">Importez ou créez votre certificat</Link> puis revenez signer.
    </Alert>
  );
}

function AddendumForm({ meeting, onChanged }: { meeting: ClsmMeetingDetail; onChanged: Changed }) {
  const [text, setText] = useState('');
  const [password, setPassword] = useState('');
  const draft = useFormDraft({ key: `clsm-addendum:${meeting.id}`, value: text, initial: '', restore: setText });
  const [open, setOpen] = useState(false);
  const { busy, error, submit, fieldError } = useApiForm();
  if (!open && draft.restoredAt) setOpen(true);
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Rédiger un additif…
      </button>
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => api.clsm.addendum({ meetingId: meeting.id, text, password }),
      async (fresh) => {
        await draft.clear();
        setOpen(false);
        onChanged(fresh, `Additif n° ${fresh.signedDocuments.length - 1} signé et joint au compte rendu.`);
      },
    ).finally(() => setPassword(''));
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="addendum-title">
      <h3 id="addendum-title">Additif au compte rendu</h3>
      {error && (error.code === 'CERTIFICATE_MISSING' ? <CertificateMissing /> : <ErrorAlert error={error} />)}
      <DraftNotice draft={draft} />
      <TextAreaField label="Texte de l’additif" rows={5} value={text} onChange={setText} error={fieldError('text')} />
      <Field
        label="Mot de passe de votre certificat"
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError('password')}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || password === '' || text.trim() === ''}>
          Signer l’additif
        </button>
        <button type="button" className="secondary" onClick={() => void draft.abandon().then((gone) => gone && setOpen(false))}>
          Annuler
        </button>
      </div>
    </form>
  );
}
