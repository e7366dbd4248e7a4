// The establishment's letterhead: what every document opens with. The text fields and the logo are
// settings in the encrypted database (the logo as its bytes, never a path to a file that could
// move); the logo's type is read from its bytes and it is drawn once before it is kept, so a logo
// that pdfmake cannot draw is refused here rather than breaking the next document.
import { AppError } from '../../errors';
import type { Letterhead, LogoType } from '../../pdf/letterhead';
import { renderPdf } from '../../pdf/engine';
import { letterheadSamplePdf } from '../../pdf/letterhead-sample';
import type { Db } from '../../../db/connection';
import type { ServiceContext } from '../context';
import { scanType } from '../consents/scan';
import { readSetting, writeSetting } from './settings';
import type { LetterheadFields } from './schema';
import { staged } from '../common/staged';

export const LOGO_MAX_BYTES = 500 * 1024;

/** The audit names the kind of file only (audit details take codes, not MIME types). */
const LOGO_KIND: Record<LogoType, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/svg+xml': 'svg' };

export const EMPTY_LETTERHEAD_FIELDS: LetterheadFields = { service: '', address: '', phone: '', email: '', city: '' };

/** The letterhead as documents draw it: the settings, the logo decoded. */
export function letterheadOf(db: Db): Letterhead {
  const fields = readSetting(db, 'letterhead') ?? EMPTY_LETTERHEAD_FIELDS;
  const logo = readSetting(db, 'letterheadLogo');
  return {
    establishmentName: readSetting(db, 'establishmentName') ?? '',
    ...fields,
    logo: logo ? { type: logo.type, bytes: Buffer.from(logo.base64, 'base64') } : null,
  };
}

export interface LetterheadView extends LetterheadFields {
  establishmentName: string;
  logo: { type: LogoType; base64: string } | null;
  /** What documents will lack, in French, for the settings page to warn about. */
  missing: string[];
}

export function letterheadMissing(l: Letterhead): string[] {
  return [
    !l.city.trim() && 'la ville, sans laquelle les documents portent « Fait le … » sans lieu',
    !l.phone.trim() && 'le téléphone de la coordination, sans lequel les lettres aux personnes ne peuvent pas être imprimées',
    !l.address.trim() && 'l’adresse postale',
  ].filter((s): s is string => Boolean(s));
}

export function letterheadView(db: Db): LetterheadView {
  const l = letterheadOf(db);
  return {
    establishmentName: l.establishmentName,
    service: l.service,
    address: l.address,
    phone: l.phone,
    email: l.email,
    city: l.city,
    logo: l.logo ? { type: l.logo.type, base64: l.logo.bytes.toString('base64') } : null,
    missing: letterheadMissing(l),
  };
}

export function updateLetterhead(ctx: ServiceContext, input: LetterheadFields): LetterheadView {
  writeSetting(ctx.db, 'letterhead', input);
  ctx.audit('settings.updateLetterhead', null, `fields=${Object.keys(input).join(',')}`);
  return letterheadView(ctx.db);
}

// SVG is text that an attacker could fill with references: only self-contained drawings are kept.
const SVG_FORBIDDEN = [/<script/i, /<!ENTITY/i, /<foreignObject/i, /\bon[a-z]+\s*=/i, /(?:xlink:)?href\s*=\s*["']\s*(?!#|data:image\/)/i];

/** The logo's type from its bytes: PNG and JPEG by their signature, SVG by its root element. */
export function logoType(bytes: Buffer): LogoType {
  const raster = scanType(bytes);
  if (raster === 'image/png' || raster === 'image/jpeg') return raster;
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) {
    if (SVG_FORBIDDEN.some((pattern) => pattern.test(text))) throw new AppError('LOGO_SVG_UNSAFE');
    return 'image/svg+xml';
  }
  throw new AppError('LOGO_TYPE');
}

/** Sets (or with null removes) the logo, after drawing it once in a sample page. */
export const setLogo = staged({
  async prepare(ctx: ServiceContext, input: { base64: string | null }) {
    if (input.base64 === null) return null;
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0) throw new AppError('LOGO_TYPE');
    if (bytes.length > LOGO_MAX_BYTES) throw new AppError('LOGO_TOO_LARGE');
    const type = logoType(bytes);
    try {
      await renderPdf({ title: 'Logo', letterhead: { ...letterheadOf(ctx.db), logo: { type, bytes } }, content: [] });
    } catch {
      // pdfmake's own message is technical: the user only needs to know the file cannot be drawn.
      throw new AppError('LOGO_UNREADABLE');
    }
    return { type, base64: bytes.toString('base64') };
  },
  commit(ctx: ServiceContext, _input: { base64: string | null }, logo: { type: LogoType; base64: string } | null) {
    writeSetting(ctx.db, 'letterheadLogo', logo);
    ctx.audit('settings.setLogo', null, logo ? `type=${LOGO_KIND[logo.type]}` : 'removed');
    return letterheadView(ctx.db);
  },
});

/** A sample page with the current letterhead, for the settings' preview. */
export async function letterheadSample(ctx: ServiceContext): Promise<{ fileName: string; mimeType: 'application/pdf'; base64: string }> {
  const pdf = await letterheadSamplePdf(letterheadOf(ctx.db), ctx.today);
  return { fileName: 'exemple-en-tete.pdf', mimeType: 'application/pdf', base64: pdf.toString('base64') };
}
