// The compte rendu of a meeting, in the frame of the CLSM's own minutes (seed 003): a header table
// (type of meeting, date and place, agenda, participants, next meeting), a reading plan when long,
// then numbered sections with their label in the margin — opening (tour de table, the charter and
// the rules of confidentiality recalled, the agenda), each item (synthesis, proposals, actions, who
// left the room, the next step), the points discussed outside the situations, the closing, the
// documents attached — and the signatures. G6: situations by code only; the members named are
// professionals. A draft says so on every page and is laid out as the signed minutes will be.
import type { Letterhead } from './letterhead';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDay, formatLongDay, formatTime } from '../shared/dates';
import { ITEM_OUTCOMES, ItemOutcome, PERSON_PRESENCE, PersonPresence } from '../shared/meeting-vocabulary';
import { renderPdf } from './engine';
import { count, toPlace } from '../shared/french';

export interface MinutesItem {
  itemId: number;
  situationId: number;
  position: number;
  code: string;
  structureName: string;
  neutralQuestion: string;
  status: 'deliberated' | 'postponed';
  synthesis: string;
  hypotheses: string;
  responseTypology: string[];
  proposals: string;
  personPresence: PersonPresence | null;
  actions: { what: string; owner: string; dueOn: string }[];
  exits: { displayName: string; structureName: string }[];
  outcome: ItemOutcome | null;
  reexamineOn: string | null;
  /** Extracts only: the person as the consent allows this recipient to know them. */
  person?: string | null;
}

/** One signer in the visible block; `certificate` null when this signer signs by hand only. */
export interface SignatureLine {
  role: string;
  name: string;
  certificate: { commonName: string; fingerprint: string } | null;
  /** Without a certificate: what stands for the signature (the animateur's approval, or its absence and why). */
  statement?: string;
}

export interface SignatureBlockInput {
  signedOn: string;
  signers: SignatureLine[];
}

/** An extract's recipient and what was left out (by count only). */
export interface ExtractFacts {
  recipient: string;
  omitted: number;
  /** The signed minutes it is drawn from. */
  minutesSignedOn: string;
  minutesDigest: string;
}

export interface MinutesInput {
  letterhead: Letterhead;
  meeting: { heldOn: string; startsAt: string; endsAt: string; place: string; animateurName: string };
  participants: {
    present: string[];
    represented: string[];
    excused: string[];
    absent: string[];
  };
  items: MinutesItem[];
  /** The next planned meeting; else the earliest re-examination date set in this one. */
  nextMeeting: { heldOn: string; place: string } | { reexamineOn: string } | null;
  /** The charter in force on the day of the meeting, recalled at the opening. */
  charter: { version: number; adoptedOn: string } | null;
  /** « Points discutés » outside the situations: a free section, no person named. */
  otherPoints: string;
  draft: boolean;
  /** The animateur's line while the minutes await signature (drafts). */
  pendingApproval?: string;
  /** The visible signature block of the signed minutes. */
  signature?: SignatureBlockInput;
  /** Signed documents carry the audit chain's head in their metadata (`COUNT:HASH`). */
  auditAnchor?: string;
  extract?: ExtractFacts;
  /** Encrypt the file (an extract sent by e-mail): opening it asks for this password. */
  userPassword?: string;
}

const CONFIDENTIAL = 'Confidentiel — compte rendu réservé aux membres de la Commission. Les situations sont désignées par un code.';
const EXTRACT_CONFIDENTIAL = 'Confidentiel — extrait réservé à son destinataire. Ne pas diffuser.';

export function nextMeetingText(next: MinutesInput['nextMeeting']): string {
  if (!next) return 'Date à convenir.';
  if ('reexamineOn' in next) return `À fixer par la coordination ; premier réexamen prévu le ${formatDay(next.reexamineOn)}.`;
  return `${capitalized(formatLongDay(next.heldOn))}${next.place ? `, ${toPlace(next.place)}` : ''}.`;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A numbered section with its label in the margin, as in the CLSM's minutes. */
export function section(label: string, title: string, content: Content[]): Content {
  return {
    columns: [
      { width: 88, text: label, bold: true, fontSize: 9, color: '#1f4e79', margin: [0, 15, 0, 0] },
      { width: '*', stack: [{ text: title, style: 'heading', tocItem: true }, ...content] },
    ],
    columnGap: 12,
  };
}
export const label = (text: string): TableCell => ({ text, bold: true, fillColor: '#eef2f6' });

function header(input: MinutesInput): Content {
  const m = input.meeting;
  const { present, represented, excused, absent } = input.participants;
  const participants = [
    ...(present.length > 0 ? [{ text: `Présents : ${present.join(', ')}.` }] : []),
    ...(represented.length > 0 ? [{ text: `Représentés : ${represented.join(', ')}.` }] : []),
    ...(excused.length > 0 ? [{ text: `Excusés : ${excused.join(', ')}.` }] : []),
    ...(absent.length > 0 ? [{ text: `Absents : ${absent.join(', ')}.` }] : []),
    { text: 'Voir aussi la feuille d’émargement.', italics: true },
  ];
  return {
    table: {
      widths: [150, '*'],
      body: [
        [label('TYPE DE RÉUNION'), label('DATE / LIEU')],
        [
          'Commission de réflexion et d’aide pour des personnes en difficulté psychosociale',
          `${formatLongDay(m.heldOn)}, ${formatTime(m.startsAt)} – ${formatTime(m.endsAt)} — ${m.place}. Animation : ${m.animateurName}.`,
        ],
        [
          label('POINTS À L’ORDRE DU JOUR'),
          input.items.length > 0
            ? { stack: input.items.map((i) => `${i.position}. ${i.code} (${i.structureName}) — ${i.neutralQuestion}`) }
            : '—',
        ],
        [label('PARTICIPANTS'), { stack: participants }],
        [label('PROCHAINE RÉUNION'), nextMeetingText(input.nextMeeting)],
      ],
    },
    margin: [0, 0, 0, 14],
  };
}

function itemContent(item: MinutesItem, number: number): Content {
  const wrap = (content: Content[]) =>
    section(`${number}. Situation`, `${number}. Situation ${item.code} — ${item.structureName}`, content);
  if (item.status === 'postponed') return wrap([{ text: 'Point reporté à une prochaine séance.', italics: true }]);
  const next =
    item.outcome === 'closed'
      ? 'Situation clôturée.'
      : item.reexamineOn
        ? `Suivi ; réexamen prévu le ${formatDay(item.reexamineOn)}.`
        : item.outcome
          ? ITEM_OUTCOMES[item.outcome]
          : '—';
  return wrap([
    ...(item.person ? [{ text: [{ text: 'Personne : ', bold: true }, item.person], margin: [0, 0, 0, 4] } as Content] : []),
    { text: [{ text: 'Question posée : ', bold: true }, item.neutralQuestion], margin: [0, 0, 0, 4] },
    ...(item.exits.length > 0
      ? [
          {
            text: `Ont quitté la salle pour ce point, conformément au consentement de la personne : ${item.exits.map((e) => `${e.displayName} (${e.structureName})`).join(', ')}.`,
            italics: true,
            margin: [0, 0, 0, 4],
          } as Content,
        ]
      : []),
    ...(item.personPresence ? [{ text: `${PERSON_PRESENCE[item.personPresence]}.`, margin: [0, 0, 0, 4] } as Content] : []),
    { text: 'Synthèse', bold: true },
    { text: item.synthesis || '—', margin: [0, 0, 0, 4] },
    ...(item.hypotheses
      ? [{ text: 'Hypothèses de travail', bold: true } as Content, { text: item.hypotheses, margin: [0, 0, 0, 4] } as Content]
      : []),
    ...(item.responseTypology.length > 0
      ? [{ text: [{ text: 'Typologie de la réponse : ', bold: true }, item.responseTypology.join(', ')] } as Content]
      : []),
    { text: 'Propositions', bold: true, margin: [0, 4, 0, 0] },
    { text: item.proposals || '—', margin: [0, 0, 0, 4] },
    item.actions.length > 0
      ? {
          table: {
            headerRows: 1,
            // An action never splits across two pages: its owner and reassignment stay with it.
            dontBreakRows: true,
            widths: ['*', 150, 70],
            body: [
              [label('Action'), label('Qui'), label('Pour le')],
              ...item.actions.map((a): TableCell[] => [a.what, a.owner, formatDay(a.dueOn)]),
            ],
          },
          margin: [0, 2, 0, 4],
        }
      : { text: 'Aucune action décidée.', italics: true },
    { text: [{ text: 'Suite : ', bold: true }, next], margin: [0, 4, 0, 0] },
  ]);
}

const CONFIDENTIALITY_RULES =
  'les situations sont présentées avec le consentement de la personne et désignées par un code ; chaque membre est tenu au secret ' +
  'professionnel ou à la discrétion prévue par la charte ; un membre que la personne n’a pas autorisé quitte la salle pour le point ' +
  'qui la concerne ; rien de ce qui est dit en séance n’est transmis hors des extraits prévus par le consentement.';

function opening(input: MinutesInput): Content {
  const m = input.meeting;
  const present = input.participants.present.length + input.participants.represented.length;
  return section('1. Ouverture', '1. Ouverture de la séance', [
    {
      text: `Après un tour de table (${count(present, 'membre présent ou représenté', 'membres présents ou représentés')}), ${m.animateurName} ouvre la séance à ${formatTime(m.startsAt)}.`,
      margin: [0, 0, 0, 4],
    },
    {
      text: [
        { text: 'Rappel de la charte et des règles de la Commission : ', bold: true },
        input.charter
          ? `charte éthique et déontologique, version ${input.charter.version} adoptée le ${formatDay(input.charter.adoptedOn)} ; `
          : '',
        CONFIDENTIALITY_RULES,
      ],
      margin: [0, 0, 0, 4],
    },
    {
      text:
        input.items.length > 0
          ? `L’ordre du jour est présenté : ${count(input.items.length, 'situation')} (${input.items.map((i) => i.code).join(', ')}).`
          : 'L’ordre du jour est présenté : aucune situation.',
    },
  ]);
}

function closing(input: MinutesInput, numbers: { discussed: number; closing: number; attached: number }): Content[] {
  return [
    section(`${numbers.discussed}. Points discutés`, `${numbers.discussed}. Points discutés`, [
      { text: input.otherPoints.trim() || 'Aucun autre point n’a été abordé.' },
    ]),
    section(`${numbers.closing}. Clôture`, `${numbers.closing}. Clôture de la séance`, [
      {
        text: `${input.meeting.animateurName} remercie les participants et lève la séance à ${formatTime(input.meeting.endsAt)}.`,
        margin: [0, 0, 0, 4],
      },
      { text: [{ text: 'Prochaine réunion : ', bold: true }, nextMeetingText(input.nextMeeting)] },
    ]),
    section(`${numbers.attached}. Documents`, `${numbers.attached}. Documents joints`, [
      {
        ul: [
          'Feuille d’émargement de la séance, signée par les participants (original conservé par la coordination).',
          'Tout additif au présent compte rendu est signé à part et lui est joint.',
        ],
      },
    ]),
  ];
}

/** Groups of four hex pairs: « AB:CD:EF:01 … », readable over the phone to the hospital. */
const shortFingerprint = (fingerprint: string) => fingerprint.split(':').slice(0, 16).join(':') + ' …';

/** The visible signatures: each signer's role and name, and the certificate that signed. */
export function signatureBlock(block: SignatureBlockInput): Content {
  return {
    stack: [
      { text: 'SIGNATURES', style: 'heading' },
      {
        table: {
          widths: block.signers.map(() => '*'),
          body: [
            block.signers.map((s) => label(s.role)),
            block.signers.map((s): TableCell => ({
              stack: [
                { text: s.name, bold: true },
                s.certificate
                  ? {
                      text: `Signé électroniquement le ${formatDay(block.signedOn)} (signature PAdES), certificat « ${s.certificate.commonName} », empreinte SHA-256 ${shortFingerprint(s.certificate.fingerprint)}`,
                      style: 'muted',
                    }
                  : { text: s.statement ?? `Approuvé le ${formatDay(block.signedOn)}, sans signature électronique.`, style: 'muted' },
              ],
            })),
          ],
        },
      },
    ],
    unbreakable: true,
    margin: [0, 10, 0, 0],
  };
}

function extractHead(extract: ExtractFacts): Content[] {
  const left =
    extract.omitted === 0
      ? 'Tous les points examinés vous concernent.'
      : extract.omitted === 1
        ? '1 point ne vous concerne pas.'
        : `${extract.omitted} points ne vous concernent pas.`;
  return [
    { text: `Destinataire : ${extract.recipient}`, bold: true },
    {
      text: `Extrait du compte rendu signé le ${formatDay(extract.minutesSignedOn)} (empreinte SHA-256 ${extract.minutesDigest.slice(0, 16)}…). Seuls figurent les points que le consentement de chaque personne vous permet de connaître. ${left}`,
      margin: [0, 2, 0, 10],
    },
  ];
}

/** Opening, items, points discussed, closing, documents: numbered as in the CLSM's minutes. */
function body(input: MinutesInput): Content[] {
  if (input.extract) return input.items.map((item, i) => itemContent(item, i + 1));
  const after = input.items.length + 2;
  return [
    opening(input),
    ...input.items.map((item, i) => itemContent(item, i + 2)),
    ...closing(input, { discussed: after, closing: after + 1, attached: after + 2 }),
  ];
}

/** From four situations on, the minutes run over several pages: a reading plan with page numbers. */
function readingPlan(input: MinutesInput): Content[] {
  if (input.extract || input.items.length < 4) return [];
  return [{ toc: { title: { text: 'Plan de lecture', style: 'heading' }, numberStyle: { fontSize: 9 } }, margin: [0, 0, 0, 10] }];
}

/** A draft's signature block: who will sign, and where the animateur's approval stands. */
function pendingBlock(input: MinutesInput): Content {
  return signatureBlock({
    signedOn: '',
    signers: [
      { role: 'L’animateur de la séance', name: input.meeting.animateurName, certificate: null, statement: input.pendingApproval! },
      { role: 'La coordination du CLSM', name: '', certificate: null, statement: 'Signature à venir.' },
    ],
  });
}

export function minutesPdf(input: MinutesInput): Promise<Buffer> {
  const title = input.extract ? 'Extrait du compte rendu' : input.draft ? 'Compte rendu — projet' : 'Compte rendu';
  return renderPdf({
    title,
    letterhead: input.letterhead,
    confidential: input.draft ? `PROJET, non signé. ${CONFIDENTIAL}` : input.extract ? EXTRACT_CONFIDENTIAL : CONFIDENTIAL,
    ...(input.auditAnchor ? { auditAnchor: input.auditAnchor } : {}),
    ...(input.userPassword ? { userPassword: input.userPassword } : {}),
    content: [
      {
        text: input.extract ? 'EXTRAIT DU COMPTE RENDU' : input.draft ? 'COMPTE RENDU (PROJET)' : 'COMPTE RENDU',
        style: 'title',
        alignment: 'center',
      },
      ...(input.extract ? extractHead(input.extract) : []),
      header(input),
      ...readingPlan(input),
      { text: 'DÉROULÉ DE LA SÉANCE', style: 'heading', fontSize: 14 },
      ...body(input),
      ...(input.signature ? [signatureBlock(input.signature)] : input.pendingApproval ? [pendingBlock(input)] : []),
    ],
  });
}

export interface AddendumInput {
  letterhead: Letterhead;
  meeting: MinutesInput['meeting'];
  sequence: number;
  text: string;
  minutesSignedOn: string;
  minutesDigest: string;
  signature: SignatureBlockInput;
  auditAnchor: string;
}

/** A correction of signed minutes: its own signed document, pointing at the minutes it corrects. */
export function addendumPdf(input: AddendumInput): Promise<Buffer> {
  return renderPdf({
    title: `Additif n° ${input.sequence} au compte rendu`,
    letterhead: input.letterhead,
    confidential: CONFIDENTIAL,
    auditAnchor: input.auditAnchor,
    content: [
      { text: `ADDITIF N° ${input.sequence} AU COMPTE RENDU`, style: 'title', alignment: 'center' },
      {
        text: `Séance de la Commission du ${formatLongDay(input.meeting.heldOn)} — ${input.meeting.place}. Compte rendu signé le ${formatDay(input.minutesSignedOn)} (empreinte SHA-256 ${input.minutesDigest.slice(0, 16)}…), qui reste inchangé ; le présent additif le complète ou le corrige.`,
        margin: [0, 0, 0, 10],
      },
      { text: 'Texte de l’additif', style: 'heading' },
      { text: input.text },
      signatureBlock(input.signature),
    ],
  });
}
