// "Fiche de récupération": printed once at set-up and kept in the hospital safe. It is the only
// copy of the recovery key; whoever holds it can open the database.
import type { Letterhead } from './letterhead';
import { formatMomentDay } from '../shared/dates';
import { renderPdf } from './engine';

export async function recoverySheetPdf(input: {
  letterhead: Letterhead;
  recoveryKey: string;
  coordinatorLogin: string;
  createdAt: Date;
}): Promise<Buffer> {
  return renderPdf({
    title: 'Fiche de récupération',
    letterhead: input.letterhead,
    confidential: 'Document strictement confidentiel — à conserver au coffre de l’établissement.',
    content: [
      { text: 'Fiche de récupération', style: 'title' },
      {
        text:
          'Cette clé permet de rouvrir la base de données de la Commission CLSM si le mot de passe de la ' +
          'coordination est perdu. Elle n’est affichée qu’une seule fois et n’est conservée nulle part ailleurs.',
      },
      { text: 'Clé de récupération', style: 'heading' },
      {
        table: {
          widths: ['*'],
          body: [[{ text: input.recoveryKey, fontSize: 17, bold: true, alignment: 'center', margin: [0, 12, 0, 12], characterSpacing: 1 }]],
        },
      },
      { text: 'Informations', style: 'heading' },
      {
        ul: [
          `Date de création : ${formatMomentDay(input.createdAt.toISOString())}`,
          `Identifiant (coordination) : ${input.coordinatorLogin}`,
          'Les lettres I, L, O et U ne sont jamais utilisées ; les tirets et la casse sont sans importance.',
        ],
      },
      { text: 'Consignes', style: 'heading' },
      {
        ol: [
          'Imprimez cette fiche et rangez-la sous pli fermé au coffre de l’établissement.',
          'Ne la photographiez pas, ne l’envoyez pas par messagerie, ne la conservez pas sur un poste ou un partage réseau.',
          'En cas d’oubli du mot de passe : écran de déverrouillage › « Utiliser la clé de récupération ».',
          'Si la fiche est perdue ou divulguée, prévenez le délégué à la protection des données (DPO) de l’établissement.',
        ],
      },
      {
        text: '\nConservée par : ................................................    Le : ..... / ..... / ..........',
        margin: [0, 24, 0, 0],
      },
      { text: '\nSignature :', margin: [0, 8, 0, 0] },
    ],
  });
}
