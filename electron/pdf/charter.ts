// The charter text as adopted (or as a draft, clearly marked), and the individual commitment
// (acte d'engagement) prefilled with the member's name and structure, for a wet signature.
import type { Letterhead } from './letterhead';
import { agreed, Civility } from '../shared/french';
import type { Content } from 'pdfmake/interfaces';
import { formatDay } from '../shared/dates';
import { renderPdf } from './engine';

const TITLE = 'Charte éthique et déontologique';

function versionLine(version: number, adoptedOn: string | null): string {
  return adoptedOn ? `Version ${version} — adoptée le ${formatDay(adoptedOn)}` : `Version ${version} — projet non adopté`;
}

/** Paragraphs of the charter text; "Préambule" and "Article …" lines become headings. */
function charterBody(text: string): Content[] {
  const [first, ...rest] = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  return [
    { text: first ?? TITLE, style: 'title' },
    ...rest.map((paragraph): Content =>
      /^(Préambule|Article\s)/.test(paragraph)
        ? { text: paragraph, style: 'heading' }
        : { text: paragraph, alignment: 'justify', margin: [0, 0, 0, 6] },
    ),
  ];
}

export function charterPdf(input: { letterhead: Letterhead; version: number; text: string; adoptedOn: string | null }): Promise<Buffer> {
  return renderPdf({
    title: `${TITLE} — version ${input.version}`,
    letterhead: input.letterhead,
    confidential: versionLine(input.version, input.adoptedOn),
    content: [{ text: versionLine(input.version, input.adoptedOn), style: 'muted', margin: [0, 0, 0, 8] }, ...charterBody(input.text)],
  });
}

/** The member's commitments under the charter, signed once (acte d'engagement) and at every meeting (sign-in sheet). */
export const CHARTER_COMMITMENTS = [
  'ne présenter ni discuter aucune situation sans le consentement préalable de la personne concernée ;',
  'ne partager que les informations strictement nécessaires, avec les seuls professionnels autorisés par la personne ;',
  'respecter la personne, qui reste maître de ses décisions ;',
  'quitter la séance lorsque la personne n’a pas accepté que ma structure ou ma profession connaisse sa situation ;',
  'ne pas diffuser les comptes rendus hors de la Commission ;',
  'garder le secret sur ce dont j’ai connaissance, y compris après la fin de ma participation.',
] as const;

export function commitmentPdf(input: {
  letterhead: Letterhead;
  member: { civility: Civility; displayName: string; function: string; structureName: string };
  version: number;
  adoptedOn: string;
}): Promise<Buffer> {
  const who = [input.member.displayName, input.member.function, input.member.structureName].filter(Boolean).join(', ');
  return renderPdf({
    title: 'Acte d’engagement',
    letterhead: input.letterhead,
    confidential: 'Original signé à remettre à la coordination de la Commission.',
    content: [
      { text: 'Acte d’engagement', style: 'title' },
      { text: `${TITLE} — ${versionLine(input.version, input.adoptedOn).toLowerCase()}`, style: 'muted', margin: [0, 0, 0, 12] },
      {
        text: [
          agreed(input.member.civility, { madame: 'Je soussignée ', monsieur: 'Je soussigné ', neutral: 'Je, ' }),
          { text: who, bold: true },
          ',',
        ],
      },
      {
        text:
          'membre de la Commission de réflexion et d’aide pour des personnes en difficulté psychosociale du Conseil local ' +
          'de santé mentale, déclare avoir pris connaissance de la charte éthique et déontologique de la Commission et ' +
          'm’engage à la respecter. En particulier, je m’engage à :',
        margin: [0, 6, 0, 6],
      },
      {
        ul: [...CHARTER_COMMITMENTS],
        margin: [0, 0, 0, 18],
      },
      {
        columns: [{ text: 'Fait à : ..........................................' }, { text: 'Le : ..... / ..... / ..........' }],
        margin: [0, 0, 0, 24],
      },
      { text: 'Signature :' },
      { canvas: [{ type: 'rect', x: 0, y: 6, w: 240, h: 80, lineWidth: 0.8, lineColor: '#777777' }] },
    ],
  });
}
