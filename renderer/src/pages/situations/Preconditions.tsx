import type { Precondition } from '../../api';

/** « Conditions préalables »: every condition of G4, G1, G2, ticked or not, as the main process checks them today. */
export function Preconditions({ items }: { items: Precondition[] }) {
  const state = (p: Precondition) => (p.met === null ? 'unknown' : p.met ? 'met' : 'unmet');
  const spoken = { met: 'remplie', unmet: 'non remplie', unknown: 'à vérifier une fois le consentement enregistré' } as const;
  return (
    <section aria-labelledby="preconditions-title">
      <h2 id="preconditions-title">Conditions préalables</h2>
      <ul className="preconditions">
        {items.map((p) => (
          <li key={p.label} className={state(p)}>
            {p.label} <span className="visually-hidden">({spoken[state(p)]})</span>
            {p.reasons.map((r) => (
              <span className="reason" key={r.code}>
                {r.message}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
