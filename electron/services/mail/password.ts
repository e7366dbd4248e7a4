// The password of an encrypted attachment: read aloud over the telephone, so drawn from letters and
// digits that cannot be confused (no 0/O, 1/l/I), in groups of four. 20 characters from 31 symbols:
// about 99 bits, far beyond what AES-256 with the PDF's key derivation lets anyone try.
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function attachmentPassword(): string {
  const groups = Array.from({ length: 5 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}
