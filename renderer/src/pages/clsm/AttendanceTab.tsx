import { useState } from 'react';
import { CLSM_ATTENDANCES, type ClsmAttendance } from '../../../../electron/shared/clsm-vocabulary';
import { api, ClsmMeetingDetail, InvitationView } from '../../api';
import { Alert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { optionsOf } from '../../labels';
import type { Changed } from './meeting';
import { inviteeKind } from './meeting';

/** Who came: present, represented (by whom), excused (known beforehand too) or absent; « Tous présents » for the rest. */
export function AttendanceTab({ meeting, canEdit, onChanged }: { meeting: ClsmMeetingDetail; canEdit: boolean; onChanged: Changed }) {
  const [error, setError] = useState<string | null>(null);
  const [representing, setRepresenting] = useState<{ id: number; name: string; error?: string } | null>(null);
  const pending = meeting.invitations.filter((i) => i.attendance === 'invited').length;
  const record = async (i: InvitationView, attendance: ClsmAttendance, representedBy = '') => {
    const result = await api.clsm.attendance({ invitationId: i.id, attendance, representedBy });
    if (result.ok) {
      setError(null);
      setRepresenting(null);
      onChanged(result.value, `${i.name} : ${CLSM_ATTENDANCES[attendance].toLowerCase()}.`);
    } else if (result.error.fields?.representedBy)
      setRepresenting({ id: i.id, name: representedBy, error: result.error.fields.representedBy });
    else setError(result.error.message);
  };
  const allPresent = async () => {
    const result = await api.clsm.allPresent({ meetingId: meeting.id });
    if (result.ok) {
      setError(null);
      onChanged(
        result.value,
        `${pending} invité${pending > 1 ? 's' : ''} marqué${pending > 1 ? 's' : ''} présent${pending > 1 ? 's' : ''}.`,
      );
    } else setError(result.error.message);
  };
  if (meeting.invitations.length === 0) return <p className="empty">Personne n’est invité : la présence se note pour les invités.</p>;
  return (
    <>
      {error && <Alert>{error}</Alert>}
      {canEdit && pending > 0 && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void allPresent()}>
            Tous présents ({pending} invité{pending > 1 ? 's' : ''} sans réponse)
          </button>
        </div>
      )}
      <table className="data">
        <caption>Présence</caption>
        <thead>
          <tr>
            <th scope="col">Invité</th>
            <th scope="col">Qualité</th>
            <th scope="col">Présence</th>
          </tr>
        </thead>
        <tbody>
          {meeting.invitations.map((i) => (
            <tr key={i.id}>
              <td>
                <strong>{i.name}</strong>
                {i.organisation && <div className="muted">{i.organisation}</div>}
              </td>
              <td>{inviteeKind(i)}</td>
              <td>
                {canEdit ? (
                  <>
                    <SelectField
                      label={`Présence — ${i.name}`}
                      value={representing?.id === i.id ? 'represented' : i.attendance}
                      onChange={(value) =>
                        value === 'represented'
                          ? setRepresenting({ id: i.id, name: i.representedBy })
                          : void record(i, value as ClsmAttendance)
                      }
                      options={optionsOf(CLSM_ATTENDANCES)}
                    />
                    {representing?.id === i.id && (
                      <form
                        className="inline-form"
                        noValidate
                        onSubmit={(event) => {
                          event.preventDefault();
                          void record(i, 'represented', representing.name);
                        }}
                      >
                        <Field
                          label="Représenté par"
                          value={representing.name}
                          onChange={(e) => setRepresenting({ ...representing, name: e.target.value })}
                          error={representing.error}
                          autoFocus
                        />
                        <button type="submit" className="primary">
                          Enregistrer
                        </button>
                        <button type="button" className="secondary" onClick={() => setRepresenting(null)}>
                          Annuler
                        </button>
                      </form>
                    )}
                  </>
                ) : (
                  <>
                    {CLSM_ATTENDANCES[i.attendance]}
                    {i.representedBy && <div className="muted">par {i.representedBy}</div>}
                  </>
                )}
                {canEdit && i.attendance === 'represented' && representing?.id !== i.id && (
                  <div className="muted">par {i.representedBy}</div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
