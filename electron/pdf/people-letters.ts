// The attestation of participation in a meeting of the commission: for a professional, naming no
// situation. (The letter to the person is person-letter.ts.)
import type { Letterhead } from './letterhead';
import type { Content } from 'pdfmake/interfaces';
import { formatLongDay, formatTime } from '../shared/dates';
import { attestationPage } from './blocks';
import { Signatory, thatBefore, toPlace, undersigned } from '../shared/french';
import { renderPdf } from './engine';

export interface AttestationInput {
  letterhead: Letterhead;
  signatory: Signatory;
  meeting: { heldOn: string; startsAt: string; endsAt: string; place: string };
  participants: { name: string; function: string; structureName: string }[];
  issuedOn: string;
}

function attestation(input: AttestationInput, p: AttestationInput['participants'][number]): Content[] {
  const m = input.meeting;
  return attestationPage(
    'ATTESTATION DE PARTICIPATION',
    [
      undersigned(
        input.signatory.civility,
        input.signatory.name,
        `du Conseil local de santé mentale — ${input.letterhead.establishmentName}`,
      ),
      [
        `atteste ${thatBefore(p.name)}`,
        { text: p.name, bold: true },
        `${p.function ? `, ${p.function}` : ''} (${p.structureName}), a participé à la séance de la Commission de réflexion et d’aide pour des personnes en difficulté psychosociale du ${formatLongDay(m.heldOn)}, de ${formatTime(m.startsAt)} à ${formatTime(m.endsAt)}${m.place ? `, ${toPlace(m.place)}` : ''}.`,
      ],
    ],
    { on: input.issuedOn, by: input.signatory.name, city: input.letterhead.city },
  );
}

/** One attestation per page, each under the letterhead: one participant, or every participant in one file. */
export function attestationsPdf(input: AttestationInput): Promise<Buffer> {
  return renderPdf({
    title: 'Attestation de participation',
    letterhead: input.letterhead,
    content: [],
    parts: input.participants.map((p) => attestation(input, p)),
  });
}
