import { lazy, Suspense, useState } from 'react';
import { api, ApiError, ConsentView, DocumentFile, SituationDetail } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { FilePicker } from '../../components/FilePicker';
import { saveDocument } from '../../documents';
import {
  ATTENDANCE_WISHES,
  CONSENT_MODES,
  formatDate,
  formatDay,
  IDENTITY_SHARING,
  INFORMATION_ITEMS,
  LEGAL_PROTECTIONS,
} from '../../labels';
import { CATEGORIES } from '../../../../electron/shared/vocabulary';
import { InformationItem, SCAN_MAX_BYTES } from '../../../../electron/shared/situation-vocabulary';
import { readAsBase64 } from '../../files';

// PDF.js is large: loaded only when a PDF scan is shown.
const PdfPreview = lazy(() => import('../../components/PdfPreview').then((m) => ({ default: m.PdfPreview })));

const STATUS = { in_force: 'En vigueur', superseded: 'Remplacé', withdrawn: 'Retiré' } as const;
export function ConsentTab({
  situation: s,
  canKeep,
  onChanged,
}: {
  situation: SituationDetail;
  canKeep: boolean;
  onChanged: (detail: SituationDetail, message: string) => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [shown, setShown] = useState<{ consentId: number; file: DocumentFile } | null>(null);
  const attach = async (consent: ConsentView, file: File) => {
    setError(null);
    const result = await api.consents.attachScan({ consentId: consent.id, base64: await readAsBase64(file) });
    if (result.ok) onChanged(result.value, 'Formulaire numérisé joint au consentement.');
    else setError(result.error);
  };
  const view = async (consent: ConsentView) => {
    const result = await api.consents.viewScan({ consentId: consent.id });
    if (result.ok) setShown({ consentId: consent.id, file: result.value });
    else setError(result.error);
  };
  const exportScan = async (consent: ConsentView) => {
    const result = await api.consents.exportScan({ consentId: consent.id });
    if (result.ok) saveDocument(result.value);
    else setError(result.error);
  };
  return (
    <>
      <h2>Consentement</h2>
      {error && <ErrorAlert error={error} />}
      {refused && <Alert>{refused}</Alert>}
      {s.consents.length === 0 && <p className="empty">Aucun consentement enregistré.</p>}
      {s.consents.map((c) => (
        <article key={c.id} className="card wide consent" aria-label={`Consentement du ${formatDay(c.collectedOn)}`}>
          <h3>
            Consentement du {formatDay(c.collectedOn)}{' '}
            <span className={`badge ${c.status === 'in_force' ? 'ok' : 'neutral'}`}>{STATUS[c.status]}</span>
          </h3>
          <dl className="facts">
            <dt>Recueilli par</dt>
            <dd>
              {c.collectedBy.name} ({c.collectedBy.structureName}) — {CONSENT_MODES[c.mode]}
              {c.witness && `, témoin : ${c.witness}`}
            </dd>
            <dt>Information donnée</dt>
            <dd>
              {(Object.keys(INFORMATION_ITEMS) as InformationItem[])
                .map((item) => `${c.information[item] ? '✓' : '✗'} ${INFORMATION_ITEMS[item]}`)
                .join('\n')}
            </dd>
            <dt>Professionnels autorisés</dt>
            <dd>{c.allowedCategories.map((cat) => CATEGORIES[cat]).join(', ')}</dd>
            <dt>Structures exclues</dt>
            <dd>{c.excludedStructures.map((x) => x.name).join(', ') || 'Aucune'}</dd>
            <dt>Identité partagée</dt>
            <dd>{IDENTITY_SHARING[c.identitySharing]}</dd>
            <dt>Protection juridique</dt>
            <dd>
              {LEGAL_PROTECTIONS[c.legalProtection]}
              {c.representative &&
                ` — ${c.representative}, ${c.representativeAgreement ? 'accord ou assistance enregistré' : 'accord non enregistré'}`}
            </dd>
            <dt>Séance</dt>
            <dd>
              {ATTENDANCE_WISHES[c.attendance]}
              {c.attendanceRepresentative && ` : ${c.attendanceRepresentative}`}
            </dd>
            <dt>À confirmer</dt>
            <dd>{c.reconfirmBy ? `avant le ${formatDay(c.reconfirmBy)}` : 'Non : valable jusqu’à son retrait'}</dd>
            {c.withdrawnOn && (
              <>
                <dt>Retiré le</dt>
                <dd>{formatDay(c.withdrawnOn)}</dd>
              </>
            )}
            <dt>Enregistré</dt>
            <dd>
              le {formatDate(c.recordedAt)} par {c.recordedBy}
            </dd>
            <dt>Formulaire signé</dt>
            <dd>
              {c.scan
                ? `Numérisé (${c.scan.mimeType === 'application/pdf' ? 'PDF' : 'image'}, ${Math.ceil(c.scan.size / 1024)} Ko)`
                : 'Non joint'}
            </dd>
          </dl>
          {canKeep && (
            <div className="actions">
              {c.scan && (
                <>
                  <button type="button" className="secondary small" onClick={() => void view(c)}>
                    Afficher le formulaire signé
                  </button>
                  <button type="button" className="secondary small" onClick={() => void exportScan(c)}>
                    Exporter le formulaire signé
                  </button>
                </>
              )}
              {!c.scan && c.status !== 'superseded' && (
                <FilePicker
                  label="Joindre le formulaire signé (PDF, JPEG ou PNG, 10 Mo au plus)"
                  accept="application/pdf,image/jpeg,image/png"
                  maxBytes={SCAN_MAX_BYTES}
                  onFile={(file) => void attach(c, file)}
                  onRefused={setRefused}
                />
              )}
            </div>
          )}
          {shown?.consentId === c.id && <ScanPreview file={shown.file} onClose={() => setShown(null)} />}
        </article>
      ))}
    </>
  );
}

/** The scan shown inside the app: an image inline, a PDF drawn page by page. */
function ScanPreview({ file, onClose }: { file: DocumentFile; onClose: () => void }) {
  const label = 'Formulaire de consentement signé, numérisé';
  return (
    <div>
      {file.mimeType === 'application/pdf' ? (
        <Suspense fallback={<p>Chargement du formulaire…</p>}>
          <PdfPreview base64={file.base64} label={label} />
        </Suspense>
      ) : (
        <img src={`data:${file.mimeType};base64,${file.base64}`} alt={label} className="scan-preview" />
      )}
      <button type="button" className="link" onClick={onClose}>
        Masquer le formulaire
      </button>
    </div>
  );
}
