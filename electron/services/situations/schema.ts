// What enters a situation: the referral with the person's identity, the eligibility decision,
// moves along the lifecycle, closing. Typology tags are checked against the configured list by
// the service (the list lives in the settings).
import { z } from 'zod';
import {
  AGE_BAND_CODES,
  ageBandMismatch,
  ageMismatchMessage,
  MANUAL_CLOSURE_CODES,
  METZ_COMMUNES,
  SITUATION_STATE_CODES,
} from '../../shared/situation-vocabulary';
import { CIVILITY_CODES } from '../../shared/french';
import { day, id, InputFacts, line, pastDay, text } from '../common/schema';

const paging = { limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) };

export const identityInput = (facts: InputFacts) => {
  const thisYear = Number(facts.today.slice(0, 4));
  return z
    .object({
      lastName: line(100, 'Le nom de la personne est obligatoire.'),
      firstName: line(100, 'Le prénom de la personne est obligatoire.'),
      // The letter greets the person with it (« Madame, »); unspecified: « Madame, Monsieur, ».
      civility: z.enum(CIVILITY_CODES, { message: 'Choisissez une civilité.' }).default('unspecified'),
      birthYear: z
        .number({ message: 'Indiquez l’année de naissance (4 chiffres).' })
        .int({ message: 'Indiquez l’année de naissance (4 chiffres).' })
        .min(thisYear - 110, { message: 'Cette année de naissance n’est pas plausible.' })
        .max(thisYear - 18, { message: 'La Commission n’examine que la situation de personnes majeures.' }),
      address: text(300),
      phone: text(40).refine((v) => /^[0-9 +().-]*$/.test(v), { message: 'Numéro de téléphone invalide.' }),
    })
    .strict();
};

export const referralInput = (facts: InputFacts) =>
  z
    .object({
      id: id.optional(),
      receivedOn: pastDay(facts, 'Indiquez la date de réception de la saisine.'),
      referringMemberId: z.number({ message: 'Choisissez le professionnel qui saisit la Commission.' }).int().positive(),
      ageBand: z.enum(AGE_BAND_CODES, { message: 'Choisissez la tranche d’âge.' }),
      commune: line(100, 'Choisissez la commune.'),
      communeOutside: z.boolean(),
      partnersInvolved: text(2000),
      alreadyTried: text(4000),
      question: text(2000, 'Indiquez la question posée à la Commission.'),
      typology: z.array(line(60)).max(20),
      identity: identityInput(facts),
      /** The coordinator saw the possible duplicates and confirms this is another situation. */
      acknowledgeDuplicates: z.boolean().default(false),
    })
    .strict()
    .refine((v) => v.communeOutside || (METZ_COMMUNES as readonly string[]).includes(v.commune), {
      message: 'Choisissez une commune de la métropole, ou « autre commune » avec son nom.',
      path: ['commune'],
    })
    .superRefine((v, issues) => {
      // The age band and the birth year say the same thing, or the coordinator chooses which is right.
      const ages = ageBandMismatch(v.ageBand, v.identity.birthYear, Number(v.receivedOn.slice(0, 4)));
      if (ages) issues.addIssue({ code: 'custom', path: ['ageBand'], message: ageMismatchMessage(v.identity.birthYear, ages, v.ageBand) });
    });

export const duplicatesInput = (facts: InputFacts) =>
  z.object({ id: id.optional(), lastName: line(100), firstName: line(100), birthYear: identityInput(facts).shape.birthYear }).strict();

export const eligibilityInput = (facts: InputFacts) =>
  z
    .object({
      id,
      answers: z.object({ adult: z.boolean(), routesTried: z.boolean(), complexity: z.boolean(), notEmergency: z.boolean() }).strict(),
      decision: z.enum(['eligible', 'rejected'], { message: 'Indiquez si la saisine est recevable.' }),
      decidedOn: pastDay(facts, 'Indiquez la date de la décision.'),
      rejectionReason: text(1000),
    })
    .strict()
    .refine((v) => v.decision === 'rejected' || Object.values(v.answers).every(Boolean), {
      message: 'Une saisine n’est recevable que si les quatre conditions sont remplies.',
      path: ['decision'],
    })
    .refine((v) => v.decision === 'eligible' || v.rejectionReason !== '', {
      message: 'Indiquez le motif de non-recevabilité : il est conservé.',
      path: ['rejectionReason'],
    });

export const advanceInput = z.object({ id, to: z.enum(['awaiting_consent', 'ready']) }).strict();

export const closeInput = (facts: InputFacts) =>
  z
    .object({
      id,
      reason: z.enum(MANUAL_CLOSURE_CODES, { message: 'Choisissez le motif de clôture.' }),
      closedOn: pastDay(facts, 'Indiquez la date de clôture.'),
      note: text(500),
    })
    .strict()
    .refine((v) => v.reason !== 'other' || v.note !== '', { message: 'Précisez le motif de clôture.', path: ['note'] });

export const situationFilters = z
  .object({
    state: z.enum(SITUATION_STATE_CODES).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    structureId: id.optional(),
    typology: z.string().max(60).optional(),
    /** A code; a name too for the roles that may see identities. */
    search: z.string().max(100).optional(),
  })
  .strict();

export const situationPageInput = situationFilters.extend(paging).strict();
export const registryPageInput = situationFilters.pick({ state: true, year: true, search: true }).extend(paging).strict();

export const byIdInput = z.object({ id }).strict();
export const gatesInput = z.object({ id, use: z.enum(['schedule', 'open', 'print', 'export']), day: day().optional() }).strict();

/** The referral form: blank without an id, filled with one. */
export const referralFormInput = z.object({ id: id.optional() }).strict();
/** A document for the person, with the legal representative's boxes on request. */
export const personDocumentInput = z.object({ id, withRepresentative: z.boolean().default(false) }).strict();

export type ReferralInput = z.output<ReturnType<typeof referralInput>>;
export type EligibilityInput = z.output<ReturnType<typeof eligibilityInput>>;
export type CloseInput = z.output<ReturnType<typeof closeInput>>;
export type SituationFilters = z.output<typeof situationFilters>;
