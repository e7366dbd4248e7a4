// Documents for the person, in plain French (short sentences, large type): the information note
// and the consent form, prefilled with the situation's choices, with the boxes for the legal
// representative when there is one. They are addressed to the person, so they carry their name;
// they are printed for them, never sent to the commission's members. The information note says
// what GDPR art. 13 requires — controller, DPO, purposes, legal basis, retention, rights — from the
// settings the app itself applies, so that it never promises what the app does not do.
// Each category of professionals is marked bound by professional secrecy, or by the charter only.
import type { Letterhead } from './letterhead';
import type { Content } from 'pdfmake/interfaces';
import { formatDay } from '../shared/dates';
import {
  AttendanceWish,
  IDENTITY_SHARING,
  IdentitySharing,
  INFORMATION_ITEMS,
  LEGAL_PROTECTIONS,
  LegalProtection,
  PROTECTION_KIND,
} from '../shared/situation-vocabulary';
import { CATEGORIES, Category, CATEGORY_SECRECY, SECRECY_LABELS } from '../shared/vocabulary';
import { checkbox, signatureBox } from './blocks';
import { renderPdf } from './engine';
import { agreed, Civility } from '../shared/french';

/** « Je soussignée Ève Durand, née en 1971, », agreed with the civility recorded with the identity. */
function consentOpening(person: PersonDocumentInput['person']): Content[] {
  const name = { text: `${person.firstName} ${person.lastName}`, bold: true };
  const undersigned = agreed(person.civility, { madame: 'Je soussignée ', monsieur: 'Je soussigné ', neutral: 'Je, ' });
  const born = agreed(person.civility, { madame: 'née en', monsieur: 'né en', neutral: 'année de naissance' });
  return [undersigned, name, `, ${born} ${person.birthYear},`];
}

export interface PersonDocumentInput {
  letterhead: Letterhead;
  code: string;
  person: { civility: Civility; firstName: string; lastName: string; birthYear: number };
  referrer: { name: string; structureName: string };
  /** The choices to prefill: the consent in force, or the defaults before any. */
  choices: {
    allowedCategories: Category[];
    excludedStructures: string[];
    identitySharing: IdentitySharing | null;
    attendance: AttendanceWish | null;
    legalProtection: LegalProtection;
    representative: string | null;
  };
  /** Print the representative's boxes even when no measure is recorded yet. */
  withRepresentative: boolean;
  printedOn: string;
  /** What the app applies, from its settings (GDPR art. 13). */
  notice: {
    dpoContact: string;
    coordinationContact: string;
    retentionMonths: number;
    unconsentedReferralMonths: number;
    minutesRetentionMonths: number;
    consentReconfirmMonths: number | null;
  };
}

/** « Travailleur social (tenus au secret professionnel) ». */
export const categoryWithSecrecy = (c: Category) => `${CATEGORIES[c]} (${SECRECY_LABELS[CATEGORY_SECRECY[c]]})`;

const CNIL =
  'Commission nationale de l’informatique et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07 — www.cnil.fr';

/** The attendance wishes in the person's own voice. */
const I_WISH: Record<AttendanceWish, string> = {
  attend: 'Je souhaite assister à l’examen de ma situation.',
  represented: 'Je souhaite me faire représenter par : ..................................',
  not_attend: 'Je ne souhaite pas assister à l’examen de ma situation.',
};

const LARGE = { fontSize: 13, lineHeight: 1.35 };
const FOOTER = 'Document remis à la personne. Il reste sa propriété.';

const heading = (text: string): Content => ({ text, style: 'heading', fontSize: 15 });
const para = (text: string | Content[]): Content => ({ text, margin: [0, 0, 0, 6] });
const fullName = (p: PersonDocumentInput['person']) => `${p.firstName} ${p.lastName}`;

export function informationNotePdf(input: PersonDocumentInput): Promise<Buffer> {
  const categories = input.choices.allowedCategories.map((c) => CATEGORIES[c].toLowerCase());
  const charterOnly = input.choices.allowedCategories.filter((c) => CATEGORY_SECRECY[c] === 'charter_only');
  const { notice } = input;
  const months = (n: number) => `${n} mois`;
  return renderPdf({
    title: 'Note d’information',
    letterhead: input.letterhead,
    confidential: FOOTER,
    content: [
      {
        stack: [
          { text: 'Votre situation et la Commission', style: 'title', fontSize: 20 },
          para([{ text: 'Pour : ', bold: true }, fullName(input.person)]),
          para(
            `${input.referrer.name} (${input.referrer.structureName}) vous propose de présenter votre situation à la Commission de réflexion et d’aide du Conseil local de santé mentale.`,
          ),
          heading('Qu’est-ce que la Commission ?'),
          para('Des professionnels du soin, du social, du logement et de la protection juridique se réunissent.'),
          para('Ils cherchent ensemble des solutions avec vous. La Commission propose. Vous décidez.'),
          heading('Ce qui sera partagé'),
          para('Votre situation de vie : logement, démarches, difficultés, ce qui a déjà été essayé.'),
          para('Seulement ce qui est utile pour vous aider. Jamais de diagnostic médical.'),
          heading('Avec qui'),
          para(`Avec les professionnels que vous acceptez : ${categories.join(', ')}.`),
          para(
            'Les professionnels de santé, les travailleurs sociaux et les mandataires judiciaires sont tenus au secret professionnel par la loi.',
          ),
          ...(charterOnly.length > 0
            ? [
                para(
                  `Attention : ces professionnels-là ne sont pas tenus au secret professionnel par la loi — ${charterOnly.map((c) => CATEGORIES[c].toLowerCase()).join(', ')}. Ils s’engagent seulement à respecter la charte de la Commission.`,
                ),
              ]
            : []),
          ...(input.choices.excludedStructures.length > 0
            ? [para(`Les structures que vous refusez ne seront pas présentes : ${input.choices.excludedStructures.join(', ')}.`)]
            : []),
          heading('Sur quels supports'),
          para('L’ordre du jour et les documents de séance ne donnent pas votre nom : un code vous désigne.'),
          para('Le compte rendu est réservé aux membres de la Commission. Il n’est pas diffusé.'),
          heading('Comment vos informations sont protégées'),
          para('Les informations sont gardées sur un ordinateur de l’hôpital, dans un fichier chiffré.'),
          para('Chaque membre a signé une charte : il garde le secret, même après la séance.'),
          heading('Qui est responsable de vos informations'),
          para(
            `Le responsable du traitement est ${input.letterhead.establishmentName || 'l’établissement qui porte la coordination du CLSM'}.`,
          ),
          para(
            `Son délégué à la protection des données : ${notice.dpoContact || 'ses coordonnées vous sont données par la coordination du CLSM'}.`,
          ),
          heading('Pourquoi, et sur quelle base'),
          para(
            'Pour préparer et tenir les séances de la Commission, chercher avec vous des réponses et suivre ce qui a été décidé. Des chiffres sans nom servent aussi à évaluer l’action du Conseil local de santé mentale.',
          ),
          para(
            'La base légale est votre accord (règlement général sur la protection des données, articles 6 et 9 ; Code de la santé publique, articles L. 1110-4 et D. 1110-3-1 à D. 1110-3-3).',
          ),
          heading('Combien de temps'),
          {
            ul: [
              `Sans votre accord, votre demande est effacée ${months(notice.unconsentedReferralMonths)} après son arrivée.`,
              `Quand le suivi est terminé, vos informations sont effacées ${months(notice.retentionMonths)} après le dernier contact.`,
              'Si vous retirez votre accord, elles sont effacées dès que le compte rendu de la dernière séance est signé.',
              `Les comptes rendus des séances sont détruits ${months(notice.minutesRetentionMonths)} après la fin du suivi de la dernière situation qu’ils contiennent.`,
              ...(notice.consentReconfirmMonths === null
                ? []
                : [`Votre accord vous est redemandé au bout de ${months(notice.consentReconfirmMonths)}.`]),
            ],
            margin: [0, 0, 0, 6],
          },
          heading('Vos droits'),
          {
            ul: [
              'Vous pouvez refuser. Votre accompagnement continue comme avant.',
              'Vous pouvez retirer votre accord à tout moment, par un simple appel ou un courrier. Ce qui a été fait avant reste valable.',
              'Vous pouvez demander à voir vos informations (droit d’accès) et à les faire corriger (droit de rectification).',
              'Vous pouvez demander qu’elles soient effacées (droit à l’effacement).',
              'Vous pouvez assister à l’examen de votre situation, ou vous faire représenter.',
              `Vous pouvez adresser une réclamation à la ${CNIL}.`,
            ],
            margin: [0, 0, 0, 6],
          },
          heading('Qui contacter'),
          para(`La coordination du Conseil local de santé mentale — ${notice.coordinationContact || input.letterhead.establishmentName}.`),
          para(`Ou ${input.referrer.name}, ${input.referrer.structureName}.`),
          { text: `Référence : ${input.code}`, style: 'muted', margin: [0, 12, 0, 0] },
        ],
        ...LARGE,
      },
    ],
  });
}

export function consentFormPdf(input: PersonDocumentInput): Promise<Buffer> {
  const { choices } = input;
  const kind = PROTECTION_KIND[choices.legalProtection];
  const representativeBoxes: Content[] =
    kind !== 'none' || input.withRepresentative
      ? [
          heading('Mesure de protection'),
          para(
            kind === 'representation'
              ? `Mesure : ${LEGAL_PROTECTIONS[choices.legalProtection].toLowerCase()}. Le représentant légal donne son accord.`
              : kind === 'assistance'
                ? `Mesure : ${LEGAL_PROTECTIONS[choices.legalProtection].toLowerCase()}. La personne consent elle-même, assistée de son curateur.`
                : 'Mesure : ........................................................',
          ),
          para(
            `Nom du représentant ou du curateur : ${choices.representative ?? '........................................................'}`,
          ),
          checkbox('Je donne mon accord (tutelle) ou j’assiste la personne (curatelle).', false),
          signatureBox('Signature du représentant ou du curateur'),
        ]
      : [];
  return renderPdf({
    title: 'Formulaire de consentement',
    letterhead: input.letterhead,
    confidential: FOOTER,
    content: [
      {
        stack: [
          { text: 'Mon accord pour que ma situation soit présentée', style: 'title', fontSize: 19 },
          para(consentOpening(input.person)),
          para(
            `accepte que ${input.referrer.name} (${input.referrer.structureName}) présente ma situation à la Commission de réflexion et d’aide du Conseil local de santé mentale.`,
          ),
          heading('Ce qui m’a été expliqué'),
          ...Object.values(INFORMATION_ITEMS).map((item) => checkbox(item, false)),
          heading('J’accepte que ces professionnels connaissent ma situation'),
          para(
            'Certains sont tenus au secret professionnel par la loi ; d’autres s’engagent seulement à respecter la charte de la Commission.',
          ),
          ...(Object.keys(CATEGORIES) as Category[]).map((c) => checkbox(categoryWithSecrecy(c), choices.allowedCategories.includes(c))),
          heading('Je refuse que ces structures connaissent ma situation'),
          para(
            choices.excludedStructures.length > 0
              ? choices.excludedStructures.join(', ')
              : '........................................................',
          ),
          heading('Ce qui peut être dit de mon identité'),
          ...(Object.keys(IDENTITY_SHARING) as IdentitySharing[]).map((k) => checkbox(IDENTITY_SHARING[k], choices.identitySharing === k)),
          heading('Pendant la séance'),
          ...(Object.keys(I_WISH) as AttendanceWish[]).map((k) => checkbox(I_WISH[k], choices.attendance === k)),
          heading('Je le sais'),
          para('Je peux retirer mon accord à tout moment. Ce qui a été fait avant reste valable.'),
          para('Je peux voir et faire corriger les informations qui me concernent.'),
          {
            columns: [{ text: 'Fait à : ..................................' }, { text: 'Le : ..... / ..... / ..........' }],
            margin: [0, 10, 0, 0],
          },
          signatureBox('Ma signature'),
          ...representativeBoxes,
          {
            text: `Référence : ${input.code} — formulaire imprimé le ${formatDay(input.printedOn)}`,
            style: 'muted',
            margin: [0, 12, 0, 0],
          },
        ],
        ...LARGE,
      },
    ],
  });
}
