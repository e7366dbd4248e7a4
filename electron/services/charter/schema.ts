import { z } from 'zod';
import { id, InputFacts, pastDay, text } from '../common/schema';

export const draftInput = z.object({ text: text(100_000, 'Le texte de la charte ne peut pas être vide.') }).strict();
export const adoptInput = (facts: InputFacts) =>
  z.object({ versionId: id, adoptedOn: pastDay(facts, 'Indiquez la date d’adoption.') }).strict();
export const signatureInput = (facts: InputFacts) =>
  z.object({ memberId: id, versionId: id, signedOn: pastDay(facts, 'Indiquez la date de signature.') }).strict();
export const cancelSignatureInput = z
  .object({ signatureId: id, reason: text(300, 'Indiquez pourquoi la signature est annulée.') })
  .strict();
export const versionInput = z.object({ versionId: id }).strict();
export const memberInput = z.object({ memberId: id }).strict();
