// Signing the minutes (PAdES, the coordinator's certificate and, if the animateur types it, theirs)
// and the addendum that corrects signed minutes: the passwords are asked at the moment of signing.
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, MeetingDetail, MinutesStatus } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { NecessaryText } from '../../components/NecessaryText';
import { useApiForm } from '../../components/useApiForm';
import { DraftNotice, useFormDraft } from '../../components/useFormDraft';

/** The passwords that unlock the certificates, shared by the signature and the addendum. */
function usePasswords(status: MinutesStatus) {
  const [password, setPassword] = useState('');
  const [animateurPassword, setAnimateurPassword] = useState('');
  const fields = (fieldError: (name: string) => string | undefined) => (
    <>
      <Field
        label={`Mot de passe de votre certificat (${status.coordinatorCertificate?.commonName ?? ''})`}
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError('password')}
      />
      {status.animateur.certificate && (
        <Field
          label={`Mot de passe du certificat de l’animateur, ${status.animateur.name} (facultatif)`}
          hint="Si l’animateur le saisit, sa signature s’ajoute à la vôtre."
          type="password"
          autoComplete="off"
          value={animateurPassword}
          onChange={(e) => setAnimateurPassword(e.target.value)}
        />
      )}
    </>
  );
  return { fields, values: { password, animateurPassword: animateurPassword === '' ? null : animateurPassword } };
}

function MissingCertificate() {
  return (
    <Alert>
      Aucun certificat de signature n’est enregistré pour vous.{' '}
      <Link to="/administration/certificat">Importez ou créez votre certificat</Link> puis revenez signer.
    </Alert>
  );
}

export function SignPanel({
  status,
  meeting,
  onSigned,
}: {
  status: MinutesStatus;
  meeting: MeetingDetail;
  onSigned: (next: MinutesStatus) => void;
}) {
  const { fields, values } = usePasswords(status);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, submit, fieldError } = useApiForm();
  if (!status.coordinatorCertificate) return <MissingCertificate />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  // The confirmation is outside the form: a dialog's form nested in it would submit both.
  return (
    <>
      <form className="card panel" onSubmit={onSubmit} noValidate aria-labelledby="sign-title">
        <h3 id="sign-title">Signer le compte rendu</h3>
        {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
        {fields(fieldError)}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Signer le compte rendu…
          </button>
        </div>
      </form>
      {confirming && (
        <Modal
          title="Signer le compte rendu"
          submitLabel={busy ? 'Signature…' : 'Signer'}
          busy={busy}
          onSubmit={() =>
            void submit(
              () => api.minutes.sign({ meetingId: meeting.id, ...values }),
              (next) => {
                setConfirming(false);
                onSigned(next);
              },
            ).then(() => setConfirming(false))
          }
          onCancel={() => setConfirming(false)}
        >
          <p>Une fois signé, le compte rendu ne pourra plus être modifié : une correction se fera par un additif signé.</p>
        </Modal>
      )}
    </>
  );
}

const NO_ADDENDUM = { text: '' };

export function AddendumForm({
  status,
  meeting,
  onSigned,
}: {
  status: MinutesStatus;
  meeting: MeetingDetail;
  onSigned: (next: MinutesStatus) => void;
}) {
  const { fields, values } = usePasswords(status);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const { busy, error, submit, fieldError } = useApiForm();
  const draft = useFormDraft({
    key: `addendum:${meeting.id}`,
    value: { text },
    initial: NO_ADDENDUM,
    restore: (v) => {
      setText(v.text);
      setOpen(v.text !== '');
    },
  });
  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Rédiger un additif…
        </button>
      </div>
    );
  }
  if (!status.coordinatorCertificate) return <MissingCertificate />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(
      () => api.minutes.addendum({ meetingId: meeting.id, text, ...values }),
      async (next) => {
        await draft.clear(NO_ADDENDUM);
        setText('');
        setOpen(false);
        onSigned(next);
      },
    );
  };
  return (
    <form className="card panel" onSubmit={onSubmit} noValidate aria-labelledby="addendum-title">
      <h3 id="addendum-title">Additif au compte rendu</h3>
      <DraftNotice draft={draft} />
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      <NecessaryText
        label="Texte de l’additif (désignez les situations par leur code)"
        value={text}
        onChange={setText}
        error={fieldError('text')}
        rows={4}
      />
      {fields(fieldError)}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Signature…' : 'Signer l’additif'}
        </button>
        <button type="button" className="secondary" onClick={() => void draft.abandon()}>
          Annuler
        </button>
      </div>
    </form>
  );
}
