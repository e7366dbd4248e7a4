// The one French error map for zod: every message a schema does not write itself is a sentence
// written for this app, never zod's generic wording ("Trop grand : chaîne … <=200 caractères").
// Installed once, by the schema building blocks every schema imports.
import { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const elements = (count: number | bigint) => `${String(count)} élément${Number(count) > 1 ? 's' : ''}`;

function frenchMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'Ce champ est obligatoire.' : 'Cette valeur n’est pas du type attendu.';
    case 'too_big':
      if (issue.origin === 'string') return `Ce texte ne doit pas dépasser ${String(issue.maximum)} caractères.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Au plus ${elements(issue.maximum)}.`;
      // An integer past 2^53 (a forged id): the bound itself would mean nothing to a reader.
      if (Number(issue.maximum) >= Number.MAX_SAFE_INTEGER) return 'Ce nombre est trop grand.';
      return `La valeur doit être au plus ${String(issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'Ce champ est obligatoire.' : `Au moins ${String(issue.minimum)} caractères.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Au moins ${elements(issue.minimum)}.`;
      if (Number(issue.minimum) <= Number.MIN_SAFE_INTEGER) return 'Ce nombre est trop petit.';
      return `La valeur doit être au moins ${String(issue.minimum)}.`;
    case 'invalid_value':
      return 'Choisissez une valeur de la liste.';
    case 'invalid_format':
      return 'Le format de cette valeur n’est pas valide.';
    case 'unrecognized_keys':
      return `Champ inattendu : ${issue.keys.join(', ')}.`;
    default:
      return 'Cette valeur n’est pas valide.';
  }
}

z.config({ customError: (issue) => frenchMessage(issue) });

export { frenchMessage };
