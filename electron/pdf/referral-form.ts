// The referral form (fiche de saisine): blank, for a partner to fill in by hand, or filled with a
// situation's referral. The filled form is a working document of the coordination: it carries the
// person's identity and is printed only under the gates (G1).
import type { Letterhead } from './letterhead';
import type { Content } from 'pdfmake/interfaces';
import { formatDay } from '../shared/dates';
import { NECESSARY_REMINDER } from '../shared/necessary';
import { AGE_BANDS, AgeBand, ELIGIBILITY_QUESTIONS, EligibilityQuestion } from '../shared/situation-vocabulary';
import { checkbox } from './blocks';
import { renderPdf } from './engine';

export interface FilledReferral {
  code: string;
  receivedOn: string;
  referrer: { name: string; function: string; structureName: string };
  person: { lastName: string; firstName: string; birthYear: number; address: string; phone: string };
  ageBand: AgeBand;
  commune: string;
  partnersInvolved: string;
  alreadyTried: string;
  question: string;
  typology: string[];
  eligibility: Record<EligibilityQuestion, boolean> | null;
}

const DOTS = '..............................................................................................';

function row(label: string, value: string | undefined): Content {
  return { text: [{ text: `${label} : `, bold: true }, value ?? DOTS], margin: [0, 0, 0, 5] };
}

function block(label: string, value: string | undefined, lines = 4): Content {
  return {
    stack: [
      { text: label, bold: true, margin: [0, 6, 0, 3] },
      value !== undefined
        ? { text: value || '—' }
        : { canvas: [{ type: 'rect', x: 0, y: 0, w: 495, h: lines * 16, lineWidth: 0.6, lineColor: '#999999' }] },
    ],
    unbreakable: true,
  };
}

export function referralFormPdf(input: { letterhead: Letterhead; typologies: string[]; filled: FilledReferral | null }): Promise<Buffer> {
  const f = input.filled;
  return renderPdf({
    title: f ? `Fiche de saisine ${f.code}` : 'Fiche de saisine',
    letterhead: input.letterhead,
    confidential: 'Confidentiel — données personnelles protégées. Ne pas diffuser hors de la coordination du CLSM.',
    content: [
      { text: 'Fiche de saisine de la Commission', style: 'title' },
      { text: NECESSARY_REMINDER, style: 'muted', margin: [0, 0, 0, 10] },
      ...(f ? [row('Code de la situation', f.code)] : []),
      row('Date de réception', f ? formatDay(f.receivedOn) : '..... / ..... / ..........'),
      { text: 'Professionnel qui saisit la Commission', style: 'heading' },
      row('Nom', f?.referrer.name),
      row('Fonction', f ? f.referrer.function || '—' : undefined),
      row('Structure', f?.referrer.structureName),
      { text: 'Personne concernée', style: 'heading' },
      row('Nom et prénom', f ? `${f.person.lastName} ${f.person.firstName}` : undefined),
      row('Année de naissance', f ? String(f.person.birthYear) : undefined),
      row('Adresse', f ? f.person.address || '—' : undefined),
      row('Téléphone', f ? f.person.phone || '—' : undefined),
      row('Tranche d’âge', f ? AGE_BANDS[f.ageBand] : Object.values(AGE_BANDS).join(' / ')),
      row('Commune', f?.commune),
      { text: 'La situation', style: 'heading' },
      block('Partenaires déjà impliqués', f?.partnersInvolved, 3),
      block('Ce qui a déjà été essayé', f?.alreadyTried, 4),
      block('Question posée à la Commission', f?.question, 4),
      { text: 'Typologie', bold: true, margin: [0, 8, 0, 3] },
      ...input.typologies.map((t) => checkbox(t, f?.typology.includes(t) ?? false)),
      { text: 'Recevabilité (réservé à la coordination)', style: 'heading' },
      ...(Object.keys(ELIGIBILITY_QUESTIONS) as EligibilityQuestion[]).map((q) =>
        checkbox(ELIGIBILITY_QUESTIONS[q], f?.eligibility?.[q] ?? false),
      ),
      {
        text: 'La Commission n’est pas un service d’urgence : en cas d’urgence, appelez le 15, le 112, le 3114 ou le 115.',
        style: 'muted',
        margin: [0, 8, 0, 0],
      },
    ],
  });
}
