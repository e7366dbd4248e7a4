import { useState } from 'react';
import { formatDay, formatMomentDay } from '../../../../electron/shared/dates';
import { api, ApiError, CharterSignature, CharterVersionSummary } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { useList } from '../../components/useList';
import { of } from '../../grammar';

/** The signatures of a version, cancelled ones kept with their reason; a mistaken one can be cancelled. */
export function CharterSignatures({
  version,
  canCancel,
  onChanged,
}: {
  version: CharterVersionSummary;
  canCancel: boolean;
  onChanged: (message: string) => void;
}) {
  const signatures = useList(() => api.charter.signatures({ versionId: version.id }), [version.id, version.signatureCount]);
  const [cancelling, setCancelling] = useState<CharterSignature | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const cancel = async (signature: CharterSignature) => {
    const result = await api.charter.cancelSignature({ signatureId: signature.id, reason });
    if (!result.ok) return setError(result.error);
    setCancelling(null);
    await signatures.reload();
    onChanged(`Signature ${of(signature.memberName)} annulée : elle reste dans l’historique avec son motif.`);
  };
  if (!signatures.items || signatures.items.length === 0) return null;
  return (
    <>
      <h2>Signatures de la version {version.version}</h2>
      <table className="data">
        <caption className="visually-hidden">Signatures de la version {version.version} de la charte</caption>
        <thead>
          <tr>
            <th scope="col">Membre</th>
            <th scope="col">Structure</th>
            <th scope="col">Signée le</th>
            <th scope="col">Enregistrée par</th>
            <th scope="col">État</th>
            {canCancel && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {signatures.items.map((s) => (
            <tr key={s.id} className={s.cancelledAt ? 'cancelled' : undefined}>
              <td>{s.memberName}</td>
              <td>{s.structureName}</td>
              <td>{formatDay(s.signedOn)}</td>
              <td>{s.recordedBy}</td>
              <td>
                {s.cancelledAt
                  ? `Annulée le ${formatMomentDay(s.cancelledAt)} par ${s.cancelledBy ?? '—'} : ${s.cancelReason ?? ''}`
                  : 'Valide'}
              </td>
              {canCancel && (
                <td>
                  {!s.cancelledAt && (
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => {
                        setReason('');
                        setError(null);
                        setCancelling(s);
                      }}
                    >
                      Annuler la signature<span className="visually-hidden"> {of(s.memberName)}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {cancelling && (
        <Modal
          title="Annuler une signature"
          submitLabel="Annuler la signature"
          danger
          onSubmit={() => void cancel(cancelling)}
          onCancel={() => setCancelling(null)}
        >
          <p>
            La signature {of(cancelling.memberName)} du {formatDay(cancelling.signedOn)} sera marquée annulée : elle reste dans l’historique
            avec son motif, et le membre devra signer à nouveau avant d’être convoqué.
          </p>
          {error && <ErrorAlert error={error} fieldsShown />}
          <Field
            label="Motif de l’annulation"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={error?.fields?.reason}
            required
            data-autofocus
          />
        </Modal>
      )}
    </>
  );
}
