import { useState } from 'react';
import { api, ApiError, CharterVersionSummary, MemberSummary } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { systemClock, today } from '../../../../electron/shared/dates';

/** Records that a member signed the charter in force (the signed paper stays with the coordinator). */
export function SignatureForm(props: {
  member: MemberSummary;
  version: CharterVersionSummary;
  onSaved: (m: MemberSummary) => void;
  onCancel: () => void;
}) {
  const [signedOn, setSignedOn] = useState(today(systemClock));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    const result = await api.charter.recordSignature({ memberId: props.member.id, versionId: props.version.id, signedOn });
    setBusy(false);
    if (result.ok) props.onSaved(result.value);
    else setError(result.error);
  };
  return (
    <Modal
      title="Enregistrer la signature de la charte"
      submitLabel="Enregistrer la signature"
      busy={busy}
      onSubmit={() => void save()}
      onCancel={props.onCancel}
    >
      <p>
        {props.member.displayName} ({props.member.structureName}) a signé la version {props.version.version} de la charte éthique et
        déontologique.
      </p>
      {error && !error.fields && <ErrorAlert error={error} />}
      <Field
        label="Date de signature"
        type="date"
        value={signedOn}
        onChange={(e) => setSignedOn(e.target.value)}
        error={error?.fields?.signedOn}
        required
        data-autofocus
      />
    </Modal>
  );
}
