// The person's right of access (GDPR art. 15): everything the application holds about one person,
// in one document handed to them — identity, referral, consents, what the commission's minutes say
// of their situation, the actions decided, and the audit trail's events about their situation.
import type { Letterhead } from './letterhead';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDay, formatMoment } from '../shared/dates';
import { renderPdf } from './engine';

export interface AccessReportInput {
  letterhead: Letterhead;
  code: string;
  writtenOn: string;
  person: { lastName: string; firstName: string; birthYear: number; address: string; phone: string };
  referral: { facts: [string, string][]; question: string; partnersInvolved: string; alreadyTried: string };
  consents: [string, string][][];
  items: { heldOn: string; synthesis: string; hypotheses: string; proposals: string; responses: string[]; outcome: string }[];
  actions: { what: string; owner: string; dueOn: string; outcome: string }[];
  events: { at: string; who: string; what: string; outcome: string }[];
}

const heading = (text: string): Content => ({ text, style: 'heading' });
const facts = (pairs: [string, string][]): Content => ({
  table: { widths: [170, '*'], body: pairs.map(([k, v]) => [{ text: k, bold: true }, v || '—']) },
  layout: 'lightHorizontalLines',
  margin: [0, 0, 0, 8],
});
const block = (label: string, text: string): Content[] =>
  text
    ? [
        { text: label, bold: true },
        { text, margin: [0, 0, 0, 6] },
      ]
    : [];

export function accessReportPdf(input: AccessReportInput): Promise<Buffer> {
  const p = input.person;
  const content: Content[] = [
    { text: 'Relevé des données vous concernant', style: 'title' },
    {
      text:
        `Ce relevé, établi le ${formatDay(input.writtenOn)} à votre demande (droit d’accès, article 15 du RGPD), contient tout ce que ` +
        `l’application de la Commission conserve sur vous sous la référence ${input.code}. Vous pouvez demander la rectification ` +
        'd’une information inexacte, et l’effacement de vos données si vous retirez votre consentement.',
      margin: [0, 0, 0, 8],
    },
    heading('Votre identité'),
    facts([
      ['Nom', p.lastName],
      ['Prénom', p.firstName],
      ['Année de naissance', String(p.birthYear)],
      ['Adresse', p.address],
      ['Téléphone', p.phone],
    ]),
    heading('La demande faite à la Commission (saisine)'),
    facts(input.referral.facts),
    ...block('Question posée à la Commission', input.referral.question),
    ...block('Partenaires déjà mobilisés', input.referral.partnersInvolved),
    ...block('Ce qui a déjà été tenté', input.referral.alreadyTried),
    heading('Vos consentements'),
    ...(input.consents.length ? input.consents.map(facts) : [{ text: 'Aucun consentement enregistré.' }]),
    heading('Ce que les comptes rendus de la Commission disent de votre situation'),
    ...(input.items.length
      ? input.items.flatMap((item): Content[] => [
          { text: `Séance du ${formatDay(item.heldOn)}`, bold: true, margin: [0, 4, 0, 2] },
          ...block('Synthèse', item.synthesis),
          ...block('Hypothèses de compréhension', item.hypotheses),
          ...block('Propositions', item.proposals),
          ...block('Types de réponse', item.responses.join(', ')),
          ...block('Suite', item.outcome),
        ])
      : [{ text: 'Votre situation n’a pas encore été examinée en séance.' }]),
    heading('Les actions décidées'),
    input.actions.length
      ? table(
          ['Action', 'Qui', 'Échéance', 'Bilan'],
          input.actions.map((a) => [a.what, a.owner, formatDay(a.dueOn), a.outcome]),
          ['*', 130, 60, 70],
        )
      : { text: 'Aucune action.' },
    heading('Qui a consulté ou modifié votre dossier (journal d’audit)'),
    input.events.length
      ? table(
          ['Date', 'Qui', 'Quoi', 'Résultat'],
          input.events.map((e) => [formatMoment(e.at), e.who, e.what, e.outcome]),
          [85, 110, '*', 55],
        )
      : { text: 'Aucun événement.' },
  ];
  return renderPdf({
    title: 'Relevé des données (droit d’accès)',
    letterhead: input.letterhead,
    confidential: 'Document personnel et confidentiel, remis à la personne concernée.',
    content,
  });
}

function table(header: string[], rows: string[][], widths: (number | string)[]): Content {
  const body: TableCell[][] = [header.map((h) => ({ text: h, bold: true })), ...rows.map((r) => r.map((c) => c || '—'))];
  return { table: { headerRows: 1, widths, body }, layout: 'lightHorizontalLines', fontSize: 9 };
}
