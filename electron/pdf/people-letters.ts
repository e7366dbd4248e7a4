// Documents for people after a meeting. The letter back to the person (G10): in plain French, what
// the commission proposes, who will contact them, that they are free to accept or refuse and to
// withdraw their consent, and whom to call — addressed to them, so it names them. The attestation
// of participation: for a professional, naming no situation.
import type { Content } from 'pdfmake/interfaces';
import { formatDay, formatLongDay, formatTime } from '../shared/dates';
import { attestationPage } from './blocks';
import { renderPdf } from './engine';

export interface PersonLetterInput {
  establishmentName: string;
  code: string;
  person: { firstName: string; lastName: string; address: string };
  /** The legal representative (tutelle, curatelle…), who receives a copy. */
  representative: string | null;
  meeting: { heldOn: string };
  proposals: string;
  /** Who will contact the person: the professionals or structures in charge of the actions. */
  contacts: { who: string; what: string; dueOn: string }[];
  referrer: { name: string; structureName: string };
  coordinationContact: string;
  coordinatorName: string;
  writtenOn: string;
}

const LARGE = { fontSize: 12.5, lineHeight: 1.35 };
const para = (text: string | Content[]): Content => ({ text, margin: [0, 0, 0, 6] });
const heading = (text: string): Content => ({ text, bold: true, fontSize: 14, margin: [0, 10, 0, 4] });

export function personLetterPdf(input: PersonLetterInput): Promise<Buffer> {
  const name = `${input.person.firstName} ${input.person.lastName}`;
  return renderPdf({
    title: 'Courrier à la personne',
    establishmentName: input.establishmentName,
    confidential: 'Courrier personnel et confidentiel, adressé à la personne.',
    content: [
      {
        stack: [
          {
            columns: [
              { width: '*', text: '' },
              {
                width: 230,
                stack: [
                  { text: name, bold: true },
                  ...(input.person.address ? [{ text: input.person.address }] : []),
                  { text: `Le ${formatDay(input.writtenOn)}`, margin: [0, 12, 0, 0] },
                ],
              },
            ],
            margin: [0, 0, 0, 18],
          },
          { text: 'Objet : ce que la Commission vous propose', bold: true, margin: [0, 0, 0, 10] },
          para(`Bonjour ${name},`),
          para(
            `Avec votre accord, la Commission de réflexion et d’aide du Conseil local de santé mentale a parlé de votre situation le ${formatLongDay(input.meeting.heldOn)}.`,
          ),
          heading('Ce que la Commission vous propose'),
          para(input.proposals),
          heading('Qui va vous contacter'),
          ...(input.contacts.length > 0
            ? [{ ul: input.contacts.map((c) => `${c.who} : ${c.what} (d’ici le ${formatDay(c.dueOn)}).`), margin: [0, 0, 0, 6] } as Content]
            : []),
          para(`${input.referrer.name} (${input.referrer.structureName}) reviendra vers vous pour en parler.`),
          heading('Vous décidez'),
          para('Ce sont des propositions. Vous êtes libre de les accepter ou de les refuser.'),
          para('Si vous refusez, votre accompagnement continue comme avant.'),
          para(
            'Vous pouvez aussi retirer votre accord (votre consentement) à tout moment, sans donner de raison : votre situation ne sera plus présentée à la Commission.',
          ),
          heading('Qui appeler'),
          para(
            input.coordinationContact
              ? input.coordinationContact
              : `La coordination du Conseil local de santé mentale — ${input.establishmentName}.`,
          ),
          para(`Ou ${input.referrer.name}, ${input.referrer.structureName}.`),
          para('Nous vous prions de croire à l’expression de nos sentiments les meilleurs.'),
          { text: `${input.coordinatorName}, pour la coordination du CLSM`, margin: [0, 12, 0, 0] },
          ...(input.representative
            ? [{ text: `Copie : ${input.representative}, représentant légal.`, margin: [0, 12, 0, 0] } as Content]
            : []),
          { text: `Référence : ${input.code}`, style: 'muted', margin: [0, 12, 0, 0] },
        ],
        ...LARGE,
      },
    ],
  });
}

export interface AttestationInput {
  establishmentName: string;
  coordinatorName: string;
  meeting: { heldOn: string; startsAt: string; endsAt: string; place: string };
  participants: { name: string; function: string; structureName: string }[];
  issuedOn: string;
}

function attestation(input: AttestationInput, p: AttestationInput['participants'][number], last: boolean): Content {
  const m = input.meeting;
  return attestationPage(
    'ATTESTATION DE PARTICIPATION',
    [
      `Je soussigné(e), ${input.coordinatorName}, coordinateur(trice) du Conseil local de santé mentale — ${input.establishmentName},`,
      [
        'atteste que ',
        { text: p.name, bold: true },
        `${p.function ? `, ${p.function}` : ''} (${p.structureName}), a participé à la séance de la Commission de réflexion et d’aide pour des personnes en difficulté psychosociale du ${formatLongDay(m.heldOn)}, de ${formatTime(m.startsAt)} à ${formatTime(m.endsAt)}, à ${m.place}.`,
      ],
    ],
    { on: input.issuedOn, by: input.coordinatorName },
    last,
  );
}

/** One attestation per page: one participant, or every participant in one file. */
export function attestationsPdf(input: AttestationInput): Promise<Buffer> {
  return renderPdf({
    title: 'Attestation de participation',
    establishmentName: input.establishmentName,
    content: input.participants.map((p, i) => attestation(input, p, i === input.participants.length - 1)),
  });
}
