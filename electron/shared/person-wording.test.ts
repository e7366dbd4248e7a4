import { describe, expect, it } from 'vitest';
import { personWordingDraft } from './person-wording';

describe('an action in a wording for the person (draft)', () => {
  it.each([
    ['Constituer le dossier FSL avec la personne', 'Constituer le dossier FSL avec vous'],
    ['Accompagner la personne à la MDPH', 'Vous accompagner à la MDPH'],
    ['Proposer à la personne un rendez-vous au CMP', 'Vous proposer un rendez-vous au CMP'],
    ['Prendre contact avec la personne', 'Prendre contact avec vous'],
    ['Rencontrer la personne à domicile avec son bailleur', 'Vous rencontrer à domicile avec votre bailleur'],
    ['Réunir ses justificatifs de ressources', 'Réunir vos justificatifs de ressources'],
    ['Évaluer les besoins de la personne', 'Évaluer les besoins vous concernant'],
    ['Saisir le SIAO', 'Saisir le SIAO'],
  ])('« %s » → « %s »', (what, wording) => {
    expect(personWordingDraft(what)).toBe(wording);
  });
});
