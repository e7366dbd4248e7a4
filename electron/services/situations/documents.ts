// The situation's printed documents. Rendering is slow: these are read channels, outside any
// transaction, audited once the document exists (G8: user, time, code — never the name). Each asks
// the disclosure gate: the filled referral form as any print of the situation (G9, G4, G1, G2); the
// information note and the consent form, which are how consent is asked for, G9 alone.
import { AppError } from '../../errors';
import { letterheadOf } from '../settings/letterhead';
import { consentFormPdf, informationNotePdf, PersonDocumentInput } from '../../pdf/person-documents';
import { referralFormPdf } from '../../pdf/referral-form';
import { CATEGORY_CODES } from '../../shared/vocabulary';
import { DocumentFile, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { assertGates, checks } from '../gates';
import { getMember } from '../partners/members';
import { readSetting } from '../settings/settings';
import { identityOf, situationDetail } from './situations';

export async function printReferralForm(ctx: ServiceContext, input: { id?: number | undefined }): Promise<DocumentFile> {
  const typologies = readSetting(ctx.db, 'situationTypologies') ?? [];
  if (input.id === undefined) {
    const pdf = await referralFormPdf({ letterhead: letterheadOf(ctx.db), typologies, filled: null });
    ctx.audit('situations.printReferralForm', null, 'blank=1');
    return pdfFile('fiche-de-saisine-vierge.pdf', pdf);
  }
  const s = situationDetail(ctx, input.id);
  assertGates(ctx, checks.disclosure({ situationId: s.id, recipient: { kind: 'coordination' }, use: 'referral_form', day: ctx.today }));
  const referrer = getMember(ctx.db, s.referringMemberId);
  const pdf = await referralFormPdf({
    letterhead: letterheadOf(ctx.db),
    typologies: [...typologies, ...s.typology.filter((t) => !typologies.includes(t))],
    filled: {
      code: s.code,
      receivedOn: s.receivedOn,
      referrer: { name: referrer.displayName, function: referrer.function, structureName: referrer.structureName },
      person: identityOf(s),
      ageBand: s.ageBand,
      commune: s.commune,
      partnersInvolved: s.partnersInvolved,
      alreadyTried: s.alreadyTried,
      question: s.question,
      typology: s.typology,
      eligibility: s.eligibility?.answers ?? null,
    },
  });
  ctx.audit('situations.printReferralForm', { type: 'situation', id: s.id }, `situation=${s.code}`);
  return pdfFile(`fiche-de-saisine-${s.code}.pdf`, pdf);
}

function personDocumentInput(
  ctx: ServiceContext,
  id: number,
  withRepresentative: boolean,
  use: 'information_note' | 'consent_form',
): PersonDocumentInput & { situationId: number } {
  const s = situationDetail(ctx, id);
  assertGates(ctx, checks.disclosure({ situationId: s.id, recipient: { kind: 'person' }, use, day: ctx.today }));
  if (s.state === 'closed') throw new AppError('SITUATION_CLOSED');
  const consent = s.consents[0] && s.consents[0].status !== 'withdrawn' ? s.consents[0] : null;
  return {
    situationId: s.id,
    letterhead: letterheadOf(ctx.db),
    code: s.code,
    person: identityOf(s),
    referrer: { name: s.referrerName, structureName: s.structureName },
    choices: consent
      ? {
          allowedCategories: consent.allowedCategories,
          excludedStructures: consent.excludedStructures.map((x) => x.name),
          identitySharing: consent.identitySharing,
          attendance: consent.attendance,
          legalProtection: consent.legalProtection,
          representative: consent.representative,
        }
      : {
          allowedCategories: [...CATEGORY_CODES],
          excludedStructures: [],
          identitySharing: null,
          attendance: null,
          legalProtection: 'none',
          representative: null,
        },
    withRepresentative,
    printedOn: ctx.today,
    notice: {
      dpoContact: readSetting(ctx.db, 'dpoContact') ?? '',
      coordinationContact: readSetting(ctx.db, 'coordinationContact') ?? '',
      retentionMonths: readSetting(ctx.db, 'retentionMonths') ?? 24,
      unconsentedReferralMonths: readSetting(ctx.db, 'unconsentedReferralMonths') ?? 3,
      minutesRetentionMonths: readSetting(ctx.db, 'minutesRetentionMonths') ?? 24,
      consentReconfirmMonths: readSetting(ctx.db, 'consentReconfirmMonths'),
    },
  };
}

export async function printInformationNote(ctx: ServiceContext, input: { id: number; withRepresentative: boolean }): Promise<DocumentFile> {
  const doc = personDocumentInput(ctx, input.id, input.withRepresentative, 'information_note');
  const pdf = await informationNotePdf(doc);
  ctx.audit('situations.printInformationNote', { type: 'situation', id: doc.situationId }, `situation=${doc.code}`);
  return pdfFile(`note-information-${doc.code}.pdf`, pdf);
}

export async function printConsentForm(ctx: ServiceContext, input: { id: number; withRepresentative: boolean }): Promise<DocumentFile> {
  const doc = personDocumentInput(ctx, input.id, input.withRepresentative, 'consent_form');
  const pdf = await consentFormPdf(doc);
  ctx.audit('situations.printConsentForm', { type: 'situation', id: doc.situationId }, `situation=${doc.code}`);
  return pdfFile(`formulaire-consentement-${doc.code}.pdf`, pdf);
}
