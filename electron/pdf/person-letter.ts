// The letter back to the person (G10), as a hospital sends it: the letterhead at the top left, the
// person's name and postal address in the window of a DL/C5 envelope, a salutation agreed with the
// recorded civility, each proposal in words written for the person, who will contact them with a
// telephone number, that they are free to accept or refuse, whom to call, « Fait à … », the
// signatory. One page for one or two proposals; the legal representative's copy follows, in the
// same window, addressed to them.
import type { Content } from 'pdfmake/interfaces';
import { formatDay, formatLongDay } from '../shared/dates';
import { addressedName, Civility, coordinatorTitle, salutation, Signatory } from '../shared/french';
import { renderPdf } from './engine';
import { Letterhead, letterheadBlock, madeAt } from './letterhead';

export interface PersonLetterInput {
  letterhead: Letterhead;
  code: string;
  person: { civility: Civility; firstName: string; lastName: string; address: string };
  /** The legal representative (tutelle, curatelle…), who receives a copy at their own address. */
  representative: { name: string; address: string } | null;
  meeting: { heldOn: string };
  /** What is proposed, one line per action, in the words written for the person. */
  proposals: { wording: string; who: string; phone: string; dueOn: string }[];
  /** The deliberation's proposals, printed only when no action was decided. */
  proposalsText: string;
  referrer: { name: string; structureName: string; phone: string };
  signatory: Signatory;
  writtenOn: string;
}

/** Where the address goes on A4 for a DL (110 × 220 mm) or C5 window envelope: 100 mm from the left, 50 mm from the top. */
export const ENVELOPE_WINDOW = { x: mm(100), y: mm(50), width: mm(90), height: mm(35) };
/** The flowing text starts below the window. */
const BODY_TOP = mm(92);
const PAGE_TOP_MARGIN = 50;

function mm(value: number): number {
  return (value * 72) / 25.4;
}

const para = (text: string | Content[], margin: [number, number, number, number] = [0, 0, 0, 5]): Content => ({ text, margin });
const heading = (text: string): Content => ({ text, bold: true, fontSize: 12, margin: [0, 7, 0, 3] });

function addressBlock(recipient: string, address: string): Content {
  return {
    absolutePosition: { x: ENVELOPE_WINDOW.x, y: ENVELOPE_WINDOW.y },
    stack: [{ text: recipient, bold: true }, ...address.split(/\r?\n/).map((line): Content => ({ text: line.trim() }))],
    width: ENVELOPE_WINDOW.width,
    fontSize: 11,
    lineHeight: 1.2,
  } as Content;
}

function letterPage(input: PersonLetterInput, recipient: { line: string; address: string }, copy: boolean): Content[] {
  const l = input.letterhead;
  const p = input.person;
  const who = (c: PersonLetterInput['proposals'][number]) => `${c.who}${c.phone ? ` (tél. ${c.phone})` : ''}`;
  const proposals: Content =
    input.proposals.length > 0
      ? {
          ul: input.proposals.map((c): Content => ({
            text: [{ text: c.wording, bold: true }, ` — ${who(c)} vous contactera d’ici le ${formatDay(c.dueOn)}.`],
            margin: [0, 0, 0, 3],
          })),
          margin: [0, 0, 0, 4],
        }
      : para(input.proposalsText);
  const signatoryTitle = `${coordinatorTitle(input.signatory.civility)} du Conseil local de santé mentale`;
  return [
    { absolutePosition: { x: 50, y: PAGE_TOP_MARGIN }, width: mm(90) - 20, stack: [letterheadBlock(l)] } as Content,
    addressBlock(recipient.line, recipient.address),
    {
      stack: [
        ...(copy
          ? [
              {
                text: `Copie du courrier adressé à ${addressedName(p.civility, `${p.firstName} ${p.lastName}`)}`,
                italics: true,
                margin: [0, 0, 0, 6],
              } as Content,
            ]
          : []),
        { text: [{ text: 'Nos réf. : ', bold: true }, input.code], fontSize: 9.5 },
        { text: [{ text: 'Objet : ', bold: true }, 'ce que la Commission vous propose'], margin: [0, 2, 0, 12] },
        para(copy ? 'Madame, Monsieur,' : salutation(p.civility), [0, 0, 0, 8]),
        para(
          `Avec ${copy ? 'l’accord de la personne que vous représentez' : 'votre accord'}, la Commission de réflexion et d’aide du Conseil local de santé mentale a parlé de ${copy ? 'sa' : 'votre'} situation le ${formatLongDay(input.meeting.heldOn)}. Voici ce qu’elle ${copy ? 'lui' : 'vous'} propose.`,
        ),
        heading('Ce que la Commission vous propose'),
        proposals,
        para(
          `${input.referrer.name} (${input.referrer.structureName}), qui ${copy ? 'a présenté sa' : 'a présenté votre'} situation, reviendra vers ${copy ? 'elle' : 'vous'} pour en parler.`,
        ),
        heading('Vous décidez'),
        para(
          `Ce sont des propositions : ${copy ? 'la personne est libre' : 'vous êtes libre'} de les accepter ou de les refuser, toutes ou une partie ; ${copy ? 'son' : 'votre'} accompagnement continue comme avant. L’accord donné pour présenter la situation à la Commission peut être retiré à tout moment, sans donner de raison.`,
        ),
        heading('Qui appeler'),
        para([
          'La coordination du Conseil local de santé mentale : ',
          { text: l.phone, bold: true },
          `${l.email ? ` — ${l.email}` : ''}. Ou ${input.referrer.name}, ${input.referrer.structureName}${input.referrer.phone ? `, au ${input.referrer.phone}` : ''}.`,
        ]),
        para(
          `Nous vous prions d’agréer, ${salutation(copy ? 'unspecified' : p.civility).slice(0, -1)}, l’expression de nos salutations distinguées.`,
          [0, 6, 0, 0],
        ),
        {
          columns: [
            { width: '*', text: '' },
            {
              width: 220,
              stack: [
                { text: `${madeAt(l, formatDay(input.writtenOn))}.`, margin: [0, 10, 0, 16] },
                { text: input.signatory.name, bold: true },
                { text: signatoryTitle, fontSize: 9.5 },
              ],
            },
          ],
        },
        ...(!copy && input.representative
          ? [{ text: `Copie : ${input.representative.name}, représentant légal.`, fontSize: 9.5, margin: [0, 8, 0, 0] } as Content]
          : []),
      ],
      margin: [0, BODY_TOP - PAGE_TOP_MARGIN, 0, 0],
      fontSize: 11,
      lineHeight: 1.25,
    },
  ];
}

export function personLetterPdf(input: PersonLetterInput): Promise<Buffer> {
  const p = input.person;
  const person = { line: addressedName(p.civility, `${p.firstName} ${p.lastName}`), address: p.address };
  const parts = [letterPage(input, person, false)];
  if (input.representative) parts.push(letterPage(input, { line: input.representative.name, address: input.representative.address }, true));
  return renderPdf({
    title: 'Courrier à la personne',
    letterhead: input.letterhead,
    ownLetterhead: true,
    confidential: 'Courrier personnel et confidentiel.',
    content: [],
    parts,
  });
}
