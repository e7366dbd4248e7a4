import { count } from '../../grammar';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, DestroyResult, MinutesCandidate, PurgeResult, RetentionOverview } from '../../api';
import { Alert, ErrorAlert } from '../../components/Alert';
import { PasswordDialog } from '../../components/PasswordDialog';
import { usePasswordAction } from '../../components/usePasswordAction';
import { formatDay } from '../../labels';

const BASIS_LABELS = {
  retention: 'Durée de conservation écoulée',
  withdrawal: 'Consentement retiré',
  no_consent: 'Saisine restée sans consentement',
} as const;

/**
 * G9: the situations whose person's data is due for erasure. The coordinator chooses, confirms with
 * their password, and the main process erases and records it. What is kept and what is not is said
 * before anything is done, and so is what the application cannot reach (printed documents).
 */
export function RetentionPage() {
  const [overview, setOverview] = useState<RetentionOverview | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const password = usePasswordAction();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<PurgeResult | null>(null);
  const load = useCallback(() => {
    void api.retention.candidates({}).then((r) => {
      if (!r.ok) return setError(r.error);
      setOverview(r.value);
      setChosen(new Set(r.value.candidates.filter((c) => c.basis !== 'withdrawal').map((c) => c.id)));
    });
  }, []);
  useEffect(load, [load]);
  const erase = (actorPassword: string) =>
    password.confirm(
      () => api.retention.purge({ situationIds: [...chosen], actorPassword }),
      (result) => {
        setDone(result);
        load();
      },
      setError,
    );
  const toggle = (id: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  if (!overview) return error ? <ErrorAlert error={error} /> : <p aria-busy="true">Chargement…</p>;
  return (
    <>
      <h1>Conservation des données</h1>
      {done && (
        <Alert kind="success">
          Données effacées pour {count(done.erased.length, 'situation')} : {done.erased.map((e) => e.code).join(', ')}.
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      <p>
        Les données qui identifient une personne sont effacées {overview.retentionMonths} mois après le dernier contact, une fois la
        situation close ; {overview.unconsentedReferralMonths} mois après sa réception pour une saisine restée sans consentement ; ou dès le
        retrait de son consentement quand rien n’oblige à les garder (compte rendu encore à signer). Les comptes rendus signés sont détruits{' '}
        {overview.minutesRetentionMonths} mois après la clôture ou l’effacement de la dernière situation qu’ils portent (
        <Link to="/administration/parametres">modifier ces durées</Link>).
      </p>
      <ul>
        <li>
          <strong>Effacé :</strong> l’identité de la personne, les textes libres (question, partenaires, démarches, motifs, témoin et
          représentant, synthèses, hypothèses, propositions, actions) et le formulaire de consentement numérisé.
        </li>
        <li>
          <strong>Gardé, anonyme :</strong> le code de la situation, ses dates et états, la tranche d’âge, la commune, la structure qui l’a
          adressée, les typologies et les suites données — ce que comptent les indicateurs. Les comptes rendus signés restent tels quels
          jusqu’à leur propre destruction : ils ne portent jamais le nom de la personne.
        </li>
        <li>
          <strong>Hors de portée de l’application :</strong> les documents déjà imprimés ou envoyés (extraits, courriers, fiches de saisine,
          formulaires). Détruisez-les selon les procédures de l’établissement.
        </li>
      </ul>
      <h2>Situations à effacer</h2>
      {overview.candidates.length === 0 ? (
        <p className="empty">Aucune situation à effacer aujourd’hui.</p>
      ) : (
        <>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Effacer</th>
                <th scope="col">Situation</th>
                <th scope="col">Motif</th>
                <th scope="col">Close le</th>
                <th scope="col">Dernier contact</th>
              </tr>
            </thead>
            <tbody>
              {overview.candidates.map((c) => (
                <tr key={c.id}>
                  <td>
                    <input
                      type="checkbox"
                      checked={chosen.has(c.id)}
                      onChange={() => toggle(c.id)}
                      aria-label={`Effacer les données de la situation ${c.code}`}
                    />
                  </td>
                  <td>
                    <Link to={`/situations/${c.id}`}>{c.code}</Link>
                  </td>
                  <td>{BASIS_LABELS[c.basis]}</td>
                  <td>{c.closedOn ? formatDay(c.closedOn) : c.state === 'rejected' ? 'non recevable' : 'non close'}</td>
                  <td>{formatDay(c.lastContact)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="danger" disabled={chosen.size === 0} onClick={password.open}>
              Effacer les données de {count(chosen.size, 'situation')}…
            </button>
          </div>
        </>
      )}
      <MinutesToDestroy minutes={overview.minutes} onDone={load} />
      {password.asking && (
        <PasswordDialog
          title="Effacer les données des personnes"
          confirmLabel="Effacer définitivement"
          danger
          {...password.dialog}
          onConfirm={(typed) => void erase(typed)}
        >
          <p>
            L’effacement est <strong>définitif</strong> pour {count(chosen.size, 'situation')}. Il ne touche pas les sauvegardes déjà
            faites, qui disparaissent à mesure que de nouvelles les remplacent, ni les documents déjà imprimés.
          </p>
        </PasswordDialog>
      )}
    </>
  );
}

/** Signed minutes past their retention: destroyed on confirmation, their digests kept in the trail. */
function MinutesToDestroy({ minutes, onDone }: { minutes: MinutesCandidate[]; onDone: () => void }) {
  const password = usePasswordAction();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<DestroyResult | null>(null);
  const destroy = (actorPassword: string) =>
    password.confirm(
      () => api.retention.destroyMinutes({ meetingIds: minutes.map((m) => m.meetingId), actorPassword }),
      (result) => {
        setDone(result);
        onDone();
      },
      setError,
    );
  return (
    <section aria-labelledby="minutes-to-destroy">
      <h2 id="minutes-to-destroy">Comptes rendus signés à détruire</h2>
      {done && (
        <Alert kind="success">
          {count(done.destroyed.length, 'compte rendu détruit', 'comptes rendus détruits')} ; leurs empreintes restent dans le journal.
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      {minutes.length === 0 ? (
        <p className="empty">Aucun compte rendu à détruire aujourd’hui.</p>
      ) : (
        <>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Séance</th>
                <th scope="col">Documents signés</th>
                <th scope="col">Suivi terminé le</th>
              </tr>
            </thead>
            <tbody>
              {minutes.map((m) => (
                <tr key={m.meetingId}>
                  <td>
                    <Link to={`/commissions/${m.meetingId}/compte-rendu`}>Séance du {formatDay(m.heldOn)}</Link>
                  </td>
                  <td>{m.documents}</td>
                  <td>{formatDay(m.followUpEndedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="danger" onClick={password.open}>
              Détruire {minutes.length > 1 ? `ces ${minutes.length} comptes rendus` : 'ce compte rendu'}…
            </button>
          </div>
        </>
      )}
      {password.asking && (
        <PasswordDialog
          title="Détruire des comptes rendus signés"
          confirmLabel="Détruire définitivement"
          danger
          {...password.dialog}
          onConfirm={(typed) => void destroy(typed)}
        >
          <p>
            La destruction est <strong>définitive</strong> : les PDF signés sont vidés ; leurs empreintes et l’état du journal à cet instant
            restent dans le journal d’audit. Les exemplaires déjà imprimés sont à détruire selon les procédures de l’établissement.
          </p>
        </PasswordDialog>
      )}
    </section>
  );
}
