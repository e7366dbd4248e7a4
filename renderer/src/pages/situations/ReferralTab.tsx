import { Link } from 'react-router';
import type { SituationDetail } from '../../api';
import { AGE_BANDS, formatDay } from '../../labels';
import { ELIGIBILITY_QUESTIONS, EligibilityQuestion } from '../../../../electron/shared/situation-vocabulary';

export function ReferralTab({ situation: s, canEdit }: { situation: SituationDetail; canEdit: boolean }) {
  return (
    <>
      <h2>Saisine</h2>
      <dl className="facts">
        <dt>Reçue le</dt>
        <dd>{formatDay(s.receivedOn)}</dd>
        <dt>Professionnel</dt>
        <dd>
          {s.referrerName} ({s.structureName})
        </dd>
        <dt>Tranche d’âge</dt>
        <dd>{AGE_BANDS[s.ageBand]}</dd>
        <dt>Commune</dt>
        <dd>{s.communeOutside ? `${s.commune} (hors métropole)` : s.commune}</dd>
        <dt>Partenaires déjà impliqués</dt>
        <dd>{s.partnersInvolved || '—'}</dd>
        <dt>Déjà essayé</dt>
        <dd>{s.alreadyTried || '—'}</dd>
        <dt>Question posée</dt>
        <dd>{s.question}</dd>
        <dt>Typologie</dt>
        <dd>{s.typology.join(', ') || '—'}</dd>
      </dl>
      <h3>Recevabilité</h3>
      {s.eligibility ? (
        <>
          <p>
            {s.state === 'rejected' ? 'Non recevable' : 'Recevable'}, décision du {formatDay(s.eligibility.decidedOn)}.
            {s.eligibility.rejectionReason && ` Motif : ${s.eligibility.rejectionReason}`}
          </p>
          <ul>
            {(Object.keys(ELIGIBILITY_QUESTIONS) as EligibilityQuestion[]).map((q) => (
              <li key={q}>
                {ELIGIBILITY_QUESTIONS[q]} — {s.eligibility!.answers[q] ? 'oui' : 'non'}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Pas encore décidée.</p>
      )}
      {canEdit && (
        <Link className="button secondary" to={`/situations/${s.id}/modifier`}>
          Modifier la saisine
        </Link>
      )}
    </>
  );
}

export function PersonTab({ situation: s }: { situation: SituationDetail }) {
  return (
    <>
      <h2>Personne</h2>
      <p className="hint">Visible seulement de la coordination et de l’animation. Chaque consultation de cette page est journalisée.</p>
      {s.identity ? (
        <dl className="facts">
          <dt>Nom</dt>
          <dd>{s.identity.lastName}</dd>
          <dt>Prénom</dt>
          <dd>{s.identity.firstName}</dd>
          <dt>Année de naissance</dt>
          <dd>{s.identity.birthYear}</dd>
          <dt>Adresse</dt>
          <dd>{s.identity.address || '—'}</dd>
          <dt>Téléphone</dt>
          <dd>{s.identity.phone || '—'}</dd>
        </dl>
      ) : (
        <p className="empty">
          Les données de la personne ont été effacées le {s.erasedOn ? formatDay(s.erasedOn) : '—'} (durée de conservation ou retrait du
          consentement). La situation reste, anonyme, pour les indicateurs.
        </p>
      )}
    </>
  );
}
