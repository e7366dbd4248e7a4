import { FormEvent, ReactNode, useEffect, useState } from 'react';
import { api, CertificatesOverview, CertificateView, SessionInfo } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { MemberPicker } from '../../components/MemberPicker';
import { FilePicker } from '../../components/FilePicker';
import { Modal } from '../../components/Modal';
import { useApiForm } from '../../components/useApiForm';
import { readAsBase64 } from '../../files';
import { formatDate } from '../../labels';

/**
 * The certificates that sign the minutes: the coordinator's own (created here, self-signed, or
 * imported as a .p12) and those of members who animate meetings. The fingerprint is shown in full,
 * to be registered with the hospital. Passwords are asked again at every signature.
 */
export function CertificatesPage({ session }: { session: SessionInfo }) {
  const [overview, setOverview] = useState<CertificatesOverview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [mode, setMode] = useState<'create' | 'import' | 'animateur' | null>(null);
  const [retiring, setRetiring] = useState<CertificateView | null>(null);
  const { error, setError, submit, busy } = useApiForm();
  useEffect(() => {
    void api.signing.certificates({}).then((r) => (r.ok ? setOverview(r.value) : setError(r.error)));
  }, [setError]);
  const done = (next: CertificatesOverview, message: string) => {
    setOverview(next);
    setMode(null);
    setRetiring(null);
    setNotice(message);
  };
  if (!overview) return error ? <ErrorAlert error={error} /> : <p aria-busy="true">Chargement…</p>;
  return (
    <>
      <h1>Certificat de signature</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && <ErrorAlert error={error} />}
      <p>
        Le compte rendu de chaque séance est signé électroniquement (signature PAdES) avec votre certificat. Le certificat est conservé
        chiffré dans la base ; son mot de passe vous est demandé à chaque signature.
      </p>
      <h2>Votre certificat</h2>
      {overview.mine ? <CertificateCard certificate={overview.mine} /> : <p className="empty">Aucun certificat enregistré pour vous.</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setMode('create')}>
          {overview.mine ? 'Remplacer par un certificat créé par l’application…' : 'Créer un certificat…'}
        </button>
        <button type="button" className="secondary" onClick={() => setMode('import')}>
          Importer un certificat (.p12)…
        </button>
      </div>
      {mode === 'create' && (
        <CreateCertificateForm
          defaultName={session.displayName}
          onDone={(next) => done(next, 'Certificat créé. Communiquez son empreinte à l’hôpital.')}
          onCancel={() => setMode(null)}
        />
      )}
      {(mode === 'import' || mode === 'animateur') && (
        <ImportCertificateForm
          forAnimateur={mode === 'animateur'}
          onDone={(next) => done(next, 'Certificat importé.')}
          onCancel={() => setMode(null)}
        />
      )}
      <h2>Certificats des animateurs</h2>
      <p className="muted">Facultatif : lorsque l’animateur de la séance a un certificat, il peut signer le compte rendu à son tour.</p>
      {overview.animateurs.length === 0 ? (
        <p className="empty">Aucun certificat d’animateur.</p>
      ) : (
        overview.animateurs.map((c) => (
          <CertificateCard key={c.id} certificate={c}>
            <button type="button" className="danger" onClick={() => setRetiring(c)}>
              Retirer
            </button>
          </CertificateCard>
        ))
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setMode('animateur')}>
          Importer le certificat d’un animateur…
        </button>
      </div>
      {retiring && (
        <Modal
          title="Retirer le certificat"
          submitLabel="Retirer"
          danger
          busy={busy}
          onSubmit={() =>
            void submit(
              () => api.signing.retire({ certificateId: retiring.id }),
              (next) => done(next, 'Certificat retiré.'),
            )
          }
          onCancel={() => setRetiring(null)}
        >
          <p>Le certificat de {retiring.holder.name} ne signera plus les comptes rendus. Les documents déjà signés restent valides.</p>
        </Modal>
      )}
    </>
  );
}

function CertificateCard({ certificate: c, children }: { certificate: CertificateView; children?: ReactNode }) {
  return (
    <div className="card panel">
      <dl className="facts">
        <dt>Titulaire</dt>
        <dd>
          {c.commonName}
          {c.organization && ` — ${c.organization}`}
          {c.holder.kind === 'member' && (
            <span className="muted">
              {' '}
              (membre : {c.holder.name}, {c.holder.structureName})
            </span>
          )}
        </dd>
        <dt>Origine</dt>
        <dd>{c.selfSigned ? 'Créé par l’application (auto-signé)' : `Importé, émis par ${c.issuerCommonName}`}</dd>
        <dt>Validité</dt>
        <dd>
          du {formatDate(c.validFrom)} au {formatDate(c.validTo)}
        </dd>
        <dt>Empreinte SHA-256</dt>
        <dd>
          <code className="fingerprint">{c.fingerprint}</code>
        </dd>
      </dl>
      {children}
    </div>
  );
}

function CreateCertificateForm({
  defaultName,
  onDone,
  onCancel,
}: {
  defaultName: string;
  onDone: (next: CertificatesOverview) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState({ commonName: defaultName, organization: '', password: '', passwordConfirmation: '' });
  const { busy, error, submit, fieldError } = useApiForm();
  useEffect(() => {
    void api.settings.get({}).then((r) => r.ok && setForm((f) => (f.organization ? f : { ...f, organization: r.value.establishmentName })));
  }, []);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(() => api.signing.create({ memberId: null, ...form }), onDone);
  };
  return (
    <form className="card panel" onSubmit={onSubmit} noValidate aria-labelledby="create-certificate-title">
      <h3 id="create-certificate-title">Créer un certificat à votre nom</h3>
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      <Field
        label="Nom du titulaire"
        value={form.commonName}
        onChange={(e) => setForm({ ...form, commonName: e.target.value })}
        error={fieldError('commonName')}
      />
      <Field
        label="Établissement"
        value={form.organization}
        onChange={(e) => setForm({ ...form, organization: e.target.value })}
        error={fieldError('organization')}
      />
      <Field
        label="Mot de passe du certificat"
        type="password"
        autoComplete="new-password"
        hint="10 caractères au moins. Il vous sera demandé à chaque signature ; il ne peut pas être récupéré."
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
        error={fieldError('password')}
      />
      <Field
        label="Confirmation du mot de passe"
        type="password"
        autoComplete="new-password"
        value={form.passwordConfirmation}
        onChange={(e) => setForm({ ...form, passwordConfirmation: e.target.value })}
        error={fieldError('passwordConfirmation')}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Création…' : 'Créer le certificat'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}

function ImportCertificateForm({
  forAnimateur,
  onDone,
  onCancel,
}: {
  forAnimateur: boolean;
  onDone: (next: CertificatesOverview) => void;
  onCancel: () => void;
}) {
  const [memberId, setMemberId] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [password, setPassword] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const { busy, error, submit, fieldError } = useApiForm();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (forAnimateur && !memberId) return setRefused('Choisissez le membre titulaire du certificat.');
    if (!file) return setRefused('Choisissez le fichier du certificat (.p12 ou .pfx).');
    setRefused(null);
    void submit(() => api.signing.import({ memberId: forAnimateur ? Number(memberId) : null, base64: file.base64, password }), onDone);
  };
  return (
    <form className="card panel" onSubmit={onSubmit} noValidate aria-labelledby="import-certificate-title">
      <h3 id="import-certificate-title">{forAnimateur ? 'Importer le certificat d’un animateur' : 'Importer votre certificat'}</h3>
      {refused && <Alert>{refused}</Alert>}
      {error && <ErrorAlert error={error} fieldsShown={Boolean(error.fields)} />}
      {forAnimateur && <MemberPicker label="Membre titulaire" value={memberId} onChange={setMemberId} />}
      <FilePicker
        label="Fichier du certificat (.p12 ou .pfx)"
        accept=".p12,.pfx,application/x-pkcs12"
        maxBytes={150_000}
        onFile={(f) => void readAsBase64(f).then((base64) => setFile({ name: f.name, base64 }))}
        onRefused={setRefused}
      />
      {file && <p className="muted">Fichier choisi : {file.name}</p>}
      <Field
        label="Mot de passe du certificat"
        type="password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError('password')}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Importer
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
