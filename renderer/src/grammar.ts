// Small French grammar helpers for sentences built around names.

/** « d’Anaïs Weber », « d’Hélène Roth », « de Claire Lambert » (elision before a vowel or a mute h). */
export function of(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûüœæ]/i.test(name.normalize('NFC')) ? `d’${name}` : `de ${name}`;
}
