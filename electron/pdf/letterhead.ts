// The letterhead every document opens with: the logo, the establishment, the service, its postal
// address, telephone and e-mail, as the hospital's own papers show them. Read from the settings
// (services/settings/letterhead.ts); drawn here, once, by the engine.
import type { Content } from 'pdfmake/interfaces';
import { toPlace } from '../shared/french';

export type LogoType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export interface Logo {
  type: LogoType;
  bytes: Buffer;
}

export interface Letterhead {
  establishmentName: string;
  /** « Coordination du Conseil local de santé mentale », « Pôle de psychiatrie »… */
  service: string;
  /** Postal address, one line per line of the envelope. */
  address: string;
  /** The coordination's telephone: printed on the letterhead and as « whom to call » on letters. */
  phone: string;
  email: string;
  /** The town in « Fait à Metz, le … ». */
  city: string;
  logo: Logo | null;
}

export const emptyLetterhead = (establishmentName: string): Letterhead => ({
  establishmentName,
  service: '',
  address: '',
  phone: '',
  email: '',
  city: '',
  logo: null,
});

const LOGO_BOX = { width: 110, height: 56 };

function logoContent(logo: Logo): Content {
  if (logo.type === 'image/svg+xml') return { svg: logo.bytes.toString('utf8'), fit: [LOGO_BOX.width, LOGO_BOX.height] };
  return { image: `data:${logo.type};base64,${logo.bytes.toString('base64')}`, fit: [LOGO_BOX.width, LOGO_BOX.height] };
}

/** The lines under the establishment's name: service, address, then telephone and e-mail on one line. */
export function letterheadLines(l: Letterhead): string[] {
  const contact = [l.phone && `Tél. ${l.phone}`, l.email].filter(Boolean).join(' — ');
  return [l.service, ...l.address.split(/\r?\n/), contact].map((s) => s.trim()).filter(Boolean);
}

/** The block at the top of a document's first page (and of each letter in a file of several). */
export function letterheadBlock(l: Letterhead): Content {
  const text: Content = {
    stack: [
      { text: l.establishmentName, bold: true, fontSize: 11 },
      ...letterheadLines(l).map((line): Content => ({ text: line, fontSize: 8.5, color: '#333333' })),
    ],
    lineHeight: 1.15,
  };
  return {
    columns: l.logo
      ? [
          { width: LOGO_BOX.width + 12, stack: [logoContent(l.logo)] },
          { width: '*', ...text },
        ]
      : [text],
    margin: [0, 0, 0, 18],
  };
}

/** « Fait à Metz, le 03/12/2026 », « Fait au Ban-Saint-Martin, le … »; without a town, « Fait le … ». */
export function madeAt(l: Pick<Letterhead, 'city'>, day: string): string {
  return l.city.trim() ? `Fait ${toPlace(l.city)}, le ${day}` : `Fait le ${day}`;
}
