import { FormEvent, lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, LetterheadView } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { Field, TextAreaField } from '../../components/Field';
import { FilePicker } from '../../components/FilePicker';
import { useApiForm } from '../../components/useApiForm';
import { saveDocument } from '../../documents';
import { readAsBase64 } from '../../files';
import { MailFolderForm } from './MailFolderForm';

const PdfPreview = lazy(() => import('../../components/PdfPreview').then((m) => ({ default: m.PdfPreview })));

const LOGO_MAX_BYTES = 500 * 1024;
type Fields = Pick<LetterheadView, 'service' | 'address' | 'phone' | 'email' | 'city'>;

/** Administration › Documents: the letterhead every document opens with, and a sample page drawn by the real engine. */
export function LetterheadPage() {
  const [view, setView] = useState<LetterheadView | null>(null);
  const [form, setForm] = useState<Fields>({ service: '', address: '', phone: '', email: '', city: '' });
  const [sample, setSample] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, submit, fieldError } = useApiForm();

  const refreshSample = useCallback(async () => {
    const r = await api.settings.letterheadSample({});
    if (r.ok) setSample(r.value.base64);
  }, []);
  const show = useCallback(
    (v: LetterheadView) => {
      setView(v);
      setForm({ service: v.service, address: v.address, phone: v.phone, email: v.email, city: v.city });
      void refreshSample();
    },
    [refreshSample],
  );
  useEffect(() => {
    void api.settings.letterhead({}).then((r) => (r.ok ? show(r.value) : setError(r.error)));
  }, [show, setError]);

  const set = (patch: Partial<Fields>) => setForm((f) => ({ ...f, ...patch }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void submit(
      () => api.settings.updateLetterhead(form),
      (v) => {
        show(v);
        setNotice('En-tête enregistré : les prochains documents l’utiliseront.');
      },
    );
  };
  const setLogo = (base64: string | null) => {
    setNotice(null);
    void submit(
      () => api.settings.setLogo({ base64 }),
      (v) => {
        show(v);
        setNotice(base64 ? 'Logo enregistré.' : 'Logo retiré.');
      },
    );
  };

  return (
    <>
      <h1>En-tête des documents</h1>
      <p>
        Chaque document imprimé par l’application s’ouvre sur cet en-tête : convocations, comptes rendus, courriers, attestations, rapport
        annuel.
      </p>
      {notice && <Alert kind="success">{notice}</Alert>}
      {error && !error.fields && <ErrorAlert error={error} />}
      {view && view.missing.length > 0 && (
        <Alert kind="info">
          À compléter :
          <ul>
            {view.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="two-columns">
        <div>
          <form onSubmit={onSubmit} className="narrow" noValidate>
            <p>
              Établissement : <strong>{view?.establishmentName}</strong> (modifiable dans Paramètres)
            </p>
            <Field label="Service" value={form.service} onChange={(e) => set({ service: e.target.value })} error={fieldError('service')} />
            <TextAreaField
              label="Adresse postale (4 lignes au plus)"
              rows={3}
              value={form.address}
              onChange={(address) => set({ address })}
              error={fieldError('address')}
            />
            <Field
              label="Téléphone de la coordination"
              hint="Imprimé sur chaque courrier à une personne, dans « Qui appeler »."
              value={form.phone}
              onChange={(e) => set({ phone: e.target.value })}
              error={fieldError('phone')}
            />
            <Field
              label="Adresse électronique"
              type="email"
              value={form.email}
              onChange={(e) => set({ email: e.target.value })}
              error={fieldError('email')}
            />
            <Field
              label="Ville (« Fait à … »)"
              value={form.city}
              onChange={(e) => set({ city: e.target.value })}
              error={fieldError('city')}
            />
            <button type="submit" className="primary" disabled={busy}>
              Enregistrer l’en-tête
            </button>
          </form>
          <h2>Logo</h2>
          {view?.logo ? (
            <p>
              <img className="logo-preview" alt="Logo actuel" src={`data:${view.logo.type};base64,${view.logo.base64}`} />{' '}
              <button type="button" className="secondary" disabled={busy} onClick={() => setLogo(null)}>
                Retirer le logo
              </button>
            </p>
          ) : (
            <p>Aucun logo.</p>
          )}
          <FilePicker
            label="Choisir un logo (PNG, JPEG ou SVG, 500 Ko au plus)"
            accept="image/png,image/jpeg,image/svg+xml"
            maxBytes={LOGO_MAX_BYTES}
            disabled={busy}
            onFile={(file) => void readAsBase64(file).then(setLogo)}
            onRefused={(message) => setError({ code: 'LOGO_TOO_LARGE', message })}
          />
          <MailFolderForm />
        </div>
        <div>
          <h2>Aperçu d’une page</h2>
          {sample ? (
            <>
              <Suspense fallback={<p>Préparation de l’aperçu…</p>}>
                <PdfPreview key={sample.length + sample.slice(-40)} base64={sample} label="Aperçu de l’en-tête" />
              </Suspense>
              <button
                type="button"
                className="secondary"
                onClick={() => void api.settings.letterheadSample({}).then((r) => (r.ok ? saveDocument(r.value) : setError(r.error)))}
              >
                Télécharger la page d’exemple (PDF)
              </button>
            </>
          ) : (
            <p>Préparation de l’aperçu…</p>
          )}
        </div>
      </div>
    </>
  );
}
