import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, AttendanceView, MeetingDetail } from '../../api';
import { MemberPicker } from '../../components/MemberPicker';
import { ErrorAlert } from '../../components/Alert';
import { CurrentRoom, OutOfScopeDialog } from './CurrentRoom';
import { Modal } from '../../components/Modal';
import { useApiForm } from '../../components/useApiForm';
import { ATTENDANCE_STATUSES, ITEM_STATUSES } from '../../labels';
import type { AttendanceStatus } from '../../../../electron/shared/meeting-vocabulary';
import { of } from '../../../../electron/shared/french';

interface Props {
  meeting: MeetingDetail;
  canKeep: boolean;
  onChanged: (message: string) => void;
}

type AttendanceChange = Partial<{
  status: AttendanceStatus;
  substituteMemberId: number | null;
  arrivalItemId: number | null;
  departureItemId: number | null;
}>;

/** A refusal because the change would bring someone outside the person's consent into the room (G5). */
const scopeRefusal = (error: ApiError) =>
  error.code === 'GATE_REFUSED' && (error.reasons ?? []).some((r) => r.gate === 'G5' && r.subject?.type === 'member');

/**
 * The session: who is there (G3 for present members and substitutes), who is in the room for the
 * item under examination (G5 live: an out-of-scope arrival stays outside or the item is postponed),
 * then the items one by one.
 */
export function SessionTab({ meeting, canKeep, onChanged }: Props) {
  const [error, setError] = useState<ApiError | null>(null);
  const [closing, setClosing] = useState(false);
  const [outOfScope, setOutOfScope] = useState<{ a: AttendanceView; change: AttendanceChange; error: ApiError } | null>(null);
  // Rows remount after every answer, so a refused change (G3) shows the recorded status again.
  const [version, setVersion] = useState(0);
  const live = meeting.state === 'convened';
  const items = meeting.items.filter((i) => i.status !== 'dropped');
  const openItem = items.find((i) => i.status === 'opened') ?? null;
  const record = async (a: AttendanceView, change: AttendanceChange, staysOutside = false) => {
    setError(null);
    const status = change.status ?? a.status;
    const result = await api.meetings.attendance({
      meetingId: meeting.id,
      memberId: a.memberId,
      status,
      substituteMemberId: status === 'represented' ? (change.substituteMemberId ?? a.substitute?.id ?? null) : null,
      arrivalItemId: change.arrivalItemId !== undefined ? change.arrivalItemId : a.arrivalItemId,
      departureItemId: change.departureItemId !== undefined ? change.departureItemId : a.departureItemId,
      ...(staysOutside ? { staysOutside } : {}),
    });
    setVersion((v) => v + 1);
    if (result.ok) {
      setOutOfScope(null);
      const outside = staysOutside ? ' Sortie de salle enregistrée pour le point en cours.' : '';
      onChanged(`Présence ${of(a.displayName)} : ${ATTENDANCE_STATUSES[status].toLowerCase()}.${outside}`);
    } else if (openItem && scopeRefusal(result.error)) setOutOfScope({ a, change, error: result.error });
    else setError(result.error);
  };
  // « Tous présents »: the convened members still without an answer who may sit (G3).
  const unmarked = meeting.attendance.filter((a) => a.status === 'expected' && a.charterReasons.length === 0);
  const [marking, setMarking] = useState(false);
  const markAllPresent = async () => {
    setError(null);
    setMarking(true);
    let marked = 0;
    for (const a of unmarked) {
      const result = await api.meetings.attendance({
        meetingId: meeting.id,
        memberId: a.memberId,
        status: 'present',
        substituteMemberId: null,
        arrivalItemId: a.arrivalItemId,
        departureItemId: a.departureItemId,
      });
      if (!result.ok) {
        setError(result.error);
        break;
      }
      marked += 1;
    }
    setMarking(false);
    setVersion((v) => v + 1);
    const blocked = meeting.attendance.filter((a) => a.status === 'expected' && a.charterReasons.length > 0);
    onChanged(
      `${marked} membre${marked > 1 ? 's' : ''} marqué${marked > 1 ? 's' : ''} présent${marked > 1 ? 's' : ''}.` +
        (blocked.length
          ? ` Sans la charte en vigueur, non marqué${blocked.length > 1 ? 's' : ''} : ${blocked.map((b) => b.displayName).join(', ')}.`
          : ''),
    );
  };
  if (meeting.state === 'planned') return <p className="empty">Convoquez d’abord les membres : la séance se tient ensuite ici.</p>;
  return (
    <section aria-labelledby="session-title">
      <h2 id="session-title">Séance</h2>
      {error && <ErrorAlert error={error} />}
      <h3>Présence</h3>
      {canKeep && live && unmarked.length > 0 && (
        <div className="actions">
          <button type="button" className="secondary" disabled={marking} onClick={() => void markAllPresent()}>
            {marking ? 'Enregistrement…' : `Tous présents (${unmarked.length} membre${unmarked.length > 1 ? 's' : ''} sans réponse)`}
          </button>
        </div>
      )}
      <table className="data">
        <caption className="visually-hidden">Présence des membres convoqués</caption>
        <thead>
          <tr>
            <th scope="col">Membre</th>
            <th scope="col">Structure</th>
            <th scope="col">Présence</th>
            <th scope="col">Suppléant</th>
            <th scope="col">Arrivé au point</th>
            <th scope="col">Parti après le point</th>
          </tr>
        </thead>
        <tbody>
          {meeting.attendance.map((a) => (
            <AttendanceRow
              key={`${a.memberId}-${a.status}-${a.substitute?.id ?? 0}-${version}`}
              a={a}
              items={items}
              editable={canKeep && live}
              onChange={(change) => void record(a, change)}
            />
          ))}
        </tbody>
      </table>
      {openItem && <CurrentRoom itemId={openItem.id} position={openItem.position} code={openItem.code} version={version} />}
      <h3>Points à examiner</h3>
      {items.length === 0 ? (
        <p className="empty">Aucun point à l’ordre du jour.</p>
      ) : (
        <ol>
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/commissions/${meeting.id}/seance/${item.id}`}>
                Point {item.position} — {item.code}
              </Link>{' '}
              ({ITEM_STATUSES[item.status]})
            </li>
          ))}
        </ol>
      )}
      {canKeep && live && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => setClosing(true)}>
            Clore la séance
          </button>
        </div>
      )}
      {!live && (
        <p>
          Séance close : le compte rendu se relit, se corrige et se signe dans l’onglet{' '}
          <Link to={`/commissions/${meeting.id}/compte-rendu`}>Compte rendu</Link>.
        </p>
      )}
      {outOfScope && openItem && (
        <OutOfScopeDialog
          who={outOfScope.a.displayName}
          item={openItem}
          error={outOfScope.error}
          onStayOutside={() => void record(outOfScope.a, outOfScope.change, true)}
          onPostpone={async () => {
            const result = await api.meetings.postponeItem({ itemId: openItem.id });
            if (!result.ok) return result.error;
            await record(outOfScope.a, outOfScope.change);
            return null;
          }}
          onCancel={() => setOutOfScope(null)}
        />
      )}
      {closing && (
        <CloseSessionDialog
          meeting={meeting}
          onDone={() => {
            setClosing(false);
            onChanged('Séance close : elle ne peut plus être déplacée.');
          }}
          onCancel={() => setClosing(false)}
        />
      )}
    </section>
  );
}

function AttendanceRow({
  a,
  items,
  editable,
  onChange,
}: {
  a: AttendanceView;
  items: MeetingDetail['items'];
  editable: boolean;
  onChange: (change: {
    status?: AttendanceStatus;
    substituteMemberId?: number | null;
    arrivalItemId?: number | null;
    departureItemId?: number | null;
  }) => void;
}) {
  const [status, setStatus] = useState<AttendanceStatus>(a.status);
  const attending = a.status === 'present' || a.status === 'represented';
  const itemOptions = [{ value: '', label: '—' }, ...items.map((i) => ({ value: String(i.id), label: `Point ${i.position}` }))];
  const select = (
    label: string,
    value: string,
    options: { value: string; label: string; disabled?: boolean }[],
    onSelect: (v: string) => void,
    disabled = false,
  ) => (
    <select
      aria-label={`${label} — ${a.displayName}`}
      value={value}
      disabled={!editable || disabled}
      onChange={(e) => onSelect(e.target.value)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled}>
          {o.label}
        </option>
      ))}
    </select>
  );
  return (
    <tr>
      <td>
        {a.displayName}
        {a.scope === 'items' && <div className="muted">invité pour son point</div>}
        {a.charterReasons.length > 0 && <div className="muted">Charte en vigueur non signée</div>}
      </td>
      <td>{a.structureName}</td>
      <td>
        {select(
          'Présence',
          status,
          Object.entries(ATTENDANCE_STATUSES).map(([value, label]) => ({ value, label })),
          (v) => {
            setStatus(v as AttendanceStatus);
            if (v !== 'represented') onChange({ status: v as AttendanceStatus });
          },
        )}
      </td>
      <td>
        {status === 'represented' ? (
          <MemberPicker
            label={`Suppléant — ${a.displayName}`}
            hideLabel
            value={a.substitute ? String(a.substitute.id) : ''}
            excludeIds={[a.memberId]}
            // G3: only a member who may sit can stand in; the others are listed with why not.
            blockedReason={(m) => (m.charterSigned ? null : 'ne peut pas suppléer : charte en vigueur non signée')}
            onChange={(v) => v && onChange({ status: 'represented', substituteMemberId: Number(v) })}
          />
        ) : (
          '—'
        )}
      </td>
      <td>
        {select(
          'Arrivé au point',
          a.arrivalItemId ? String(a.arrivalItemId) : '',
          itemOptions,
          (v) => onChange({ arrivalItemId: v ? Number(v) : null }),
          !attending,
        )}
      </td>
      <td>
        {select(
          'Parti après le point',
          a.departureItemId ? String(a.departureItemId) : '',
          itemOptions,
          (v) => onChange({ departureItemId: v ? Number(v) : null }),
          !attending,
        )}
      </td>
    </tr>
  );
}

function CloseSessionDialog({ meeting, onDone, onCancel }: { meeting: MeetingDetail; onDone: () => void; onCancel: () => void }) {
  const { busy, error, submit } = useApiForm();
  return (
    <Modal
      title="Clore la séance"
      submitLabel="Clore la séance"
      busy={busy}
      onSubmit={() => void submit(() => api.meetings.markHeld({ meetingId: meeting.id }), onDone)}
      onCancel={onCancel}
    >
      {error && <ErrorAlert error={error} />}
      <p>Une fois close, la séance ne peut plus être déplacée ; sa présence et ses points deviennent la base du compte rendu.</p>
    </Modal>
  );
}
