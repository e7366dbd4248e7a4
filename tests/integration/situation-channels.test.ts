// Every situation and consent channel, called by each role with a valid payload: the coordinator is
// served by all of them, the animateur reads, and the secretariat gets the registry — codes, dates,
// states — and a refusal everywhere else. Then the person's identity is looked for where it must
// never be: the audit trail, file names, the database files on disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../electron/ipc/contract';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { accountFor, ANIMATEUR, SECRETARY } from '../fixtures/people';
import { ELIGIBLE, consentOf, referralOf, SCANNED_PDF, SYLVIE } from '../fixtures/situations';
import { callChannel, firstUnlock, ok } from '../helpers/ipc';
import { pdfText } from '../helpers/pdf';
import { declareEligible, situationsSession } from '../helpers/situations';
import { manualClock } from '../helpers/vault';

type CaseChannel = Extract<Channel, `situations.${string}` | `consents.${string}`>;
const CASE_CHANNELS = CHANNEL_NAMES.filter((c): c is CaseChannel => c.startsWith('situations.') || c.startsWith('consents.'));
const IDENTITY_TEXTS = [SYLVIE.lastName, SYLVIE.firstName, 'Tanneurs', SYLVIE.phone, 'Hoerner'];

/** A valid payload for every channel, about one situation (id) and its consent. */
function payloads(ids: { situation: number; received: number; consent: number; member: number }): Record<CaseChannel, unknown> {
  return {
    'situations.registry': {},
    'situations.page': { search: 'Hœrner' },
    'situations.get': { id: ids.situation },
    'situations.history': { id: ids.situation },
    'situations.gates': { id: ids.situation, use: 'export' },
    'situations.dashboard': {},
    'situations.typologies': {},
    'situations.findDuplicates': { lastName: SYLVIE.lastName, firstName: SYLVIE.firstName, birthYear: SYLVIE.birthYear },
    'situations.saveReferral': { ...referralOf(ids.member), id: ids.situation },
    'situations.decideEligibility': {
      id: ids.received,
      answers: ELIGIBLE,
      decision: 'eligible',
      decidedOn: '2026-03-03',
      rejectionReason: '',
    },
    'situations.advance': { id: ids.situation, to: 'ready' },
    'situations.close': { id: ids.situation, reason: 'resolved', closedOn: '2026-03-19', note: '' },
    'situations.referralForm': { id: ids.situation },
    'situations.informationNote': { id: ids.situation },
    'situations.consentForm': { id: ids.situation, withRepresentative: true },
    'consents.record': consentOf(ids.situation, ids.member, { collectedOn: '2026-03-11' }),
    'consents.attachScan': { consentId: ids.consent, base64: SCANNED_PDF },
    'consents.viewScan': { consentId: ids.consent },
    'consents.exportScan': { consentId: ids.consent },
    'consents.withdraw': { situationId: ids.situation, withdrawnOn: '2026-03-19', note: '' },
  };
}

async function situationWithConsent() {
  const session = await situationsSession({ now: manualClock(new Date('2026-03-20T09:00:00Z')).now });
  const { api, referrer } = session;
  await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
  await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
  const situation = await ok(api.situations.saveReferral(referralOf(referrer.id)));
  await declareEligible(api, situation.id);
  const recorded = await ok(api.consents.record(consentOf(situation.id, referrer.id)));
  const other = await ok(
    api.situations.saveReferral(
      referralOf(referrer.id, { ageBand: '66_75', identity: { ...SYLVIE, firstName: 'Bernard', lastName: 'Thiriet', birthYear: 1958 } }),
    ),
  );
  const ids = { situation: situation.id, received: other.id, consent: recorded.consents[0]!.id, member: referrer.id };
  return { ...session, ids };
}

describe('who reads a situation', () => {
  it('the secretariat sees codes, dates and states through the registry, and is refused by every other channel', async () => {
    const { api, ids } = await situationWithConsent();
    await firstUnlock(api, SECRETARY);
    const all = payloads(ids);
    for (const channel of CASE_CHANNELS) {
      const result = await callChannel(api, channel, all[channel]);
      const text = JSON.stringify(result);
      for (const identity of IDENTITY_TEXTS) expect(text, channel).not.toContain(identity);
      if (channel === 'situations.registry') {
        expect(result).toMatchObject({ ok: true });
        const entry = (result as unknown as { value: { items: object[] } }).value.items[0]!;
        expect(Object.keys(entry).sort()).toEqual(['code', 'erasedOn', 'id', 'receivedOn', 'state', 'updatedAt']);
      } else {
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    // Its search reads codes only: a name finds nothing.
    expect(await ok(api.situations.registry({ search: 'S-2026-001' }))).toMatchObject({ total: 1 });
    expect(await ok(api.situations.registry({ search: 'Hœrner' }))).toMatchObject({ total: 0 });
  });

  it('the animateur reads the situation and its identity, and changes nothing', async () => {
    const { api, ids } = await situationWithConsent();
    await firstUnlock(api, ANIMATEUR);
    const all = payloads(ids);
    const reads: CaseChannel[] = [
      'situations.registry',
      'situations.page',
      'situations.get',
      'situations.history',
      'situations.gates',
      'situations.dashboard',
      'situations.typologies',
    ];
    for (const channel of CASE_CHANNELS) {
      const result = await callChannel(api, channel, all[channel]);
      expect(result.ok, channel).toBe(reads.includes(channel));
      if (!reads.includes(channel)) expect(result.error?.code).toBe('FORBIDDEN');
    }
    expect(await ok(api.situations.get({ id: ids.situation }))).toMatchObject({ identity: SYLVIE });
    expect(await ok(api.situations.page({ search: 'hoerner' }))).toMatchObject({ total: 1, items: [{ code: 'S-2026-001' }] });
  });

  it('the coordinator is served by every channel; no identity reaches the audit trail, a file name or the disk in clear', async () => {
    const { api, ids, vault, dataDir } = await situationWithConsent();
    const all = payloads(ids);
    const fileNames: string[] = [];
    // In an order that the lifecycle accepts: withdrawal and closing last.
    const order = CASE_CHANNELS.filter((c) => c !== 'situations.close' && c !== 'consents.withdraw');
    for (const channel of [...order, 'consents.withdraw' as const]) {
      const result = await callChannel(api, channel, all[channel]);
      expect(result, channel).toMatchObject({ ok: true });
      const value = (result as unknown as { value: { fileName?: string } }).value;
      if (value && typeof value === 'object' && 'fileName' in value) fileNames.push(value.fileName!);
    }
    expect(await callChannel(api, 'situations.close', all['situations.close'])).toMatchObject({
      ok: false,
      error: { code: 'SITUATION_CLOSED' },
    });
    expect(fileNames).toEqual([
      'fiche-de-saisine-S-2026-001.pdf',
      'note-information-S-2026-001.pdf',
      'formulaire-consentement-S-2026-001.pdf',
      `consentement-S-2026-001-${ids.consent}.pdf`,
      `consentement-S-2026-001-${ids.consent}.pdf`,
    ]);

    const db = vault.database();
    const events = db.prepare('SELECT action, object_type, object_id, detail FROM audit_events').all() as Record<string, string | null>[];
    const views = events.filter((e) => e.action === 'situations.view');
    expect(views.length).toBeGreaterThan(0);
    expect(views[0]).toMatchObject({ object_type: 'situation', object_id: String(ids.situation), detail: 'situation=S-2026-001' });
    const trail = JSON.stringify(events);
    for (const identity of IDENTITY_TEXTS) expect(trail).not.toContain(identity);
    for (const printed of [
      'situations.printReferralForm',
      'situations.printInformationNote',
      'situations.printConsentForm',
      'consents.exportScan',
    ]) {
      expect(events.map((e) => e.action)).toContain(printed);
    }

    await ok(api.session.lock({}));
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file));
      for (const identity of ['Hœrner', 'Tanneurs', 'Woippy', 'Plan d’apurement']) {
        expect(bytes.includes(Buffer.from(identity, 'utf8')), `${identity} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(identity, 'utf16le')), `${identity} in ${file}`).toBe(false);
      }
    }
  });
});

describe('documents for the person and the referral form', () => {
  it('prints the information note and the consent form in plain French, prefilled, with the representative’s boxes under tutelle', async () => {
    const { api, ids, referrer } = await situationWithConsent();
    const note = pdfText(Buffer.from((await ok(api.situations.informationNote({ id: ids.situation }))).base64, 'base64'));
    expect(note).toContain('Sylvie Hœrner');
    expect(note).toContain('Anne Klein (CCAS de Woippy)');
    expect(note).toContain('Vous pouvez retirer votre accord à tout moment');
    expect(note).toContain('Jamais de diagnostic médical.');
    expect(note).toMatch(/travailleur social, professionnel de santé,\s+personnel d’un bailleur/);

    await ok(
      api.consents.record(
        consentOf(ids.situation, referrer.id, {
          collectedOn: '2026-03-12',
          legalProtection: 'tutelle',
          representative: 'UDAF de la Moselle',
          identitySharing: 'code',
        }),
      ),
    );
    const form = pdfText(Buffer.from((await ok(api.situations.consentForm({ id: ids.situation }))).base64, 'base64'));
    // No civility recorded with the identity: a wording that needs no agreement, never « (e) ».
    expect(form).toContain('Je, Sylvie Hœrner, année de naissance 1971,');
    expect(form).not.toContain('(e)');
    expect(form).toMatch(/X\s+Code seulement \(aucun nom\)/);
    expect(form).not.toMatch(/X\s+Prénom seulement/);
    expect(form).toContain('Mesure : tutelle. Le représentant légal donne son accord.');
    expect(form).toContain('Nom du représentant ou du curateur : UDAF de la Moselle');
    expect(form).toContain('Signature du représentant ou du curateur');
    expect(form).toContain('Référence : S-2026-001');
  });

  it('tells the person what GDPR art. 13 requires, from the settings the app applies, and who is bound by secrecy', async () => {
    const { api, ids } = await situationWithConsent();
    const settings = await ok(api.settings.get({}));
    await ok(
      api.settings.update({
        ...settings,
        establishmentName: 'Centre hospitalier de Jury',
        dpoContact: 'Délégué à la protection des données, dpo@ch-jury.example',
        retentionMonths: 30,
        unconsentedReferralMonths: 4,
        minutesRetentionMonths: 18,
        consentReconfirmMonths: 12,
      }),
    );
    const text = (file: { base64: string }) => pdfText(Buffer.from(file.base64, 'base64')).replace(/\s+/g, ' ');
    const note = text(await ok(api.situations.informationNote({ id: ids.situation })));
    for (const said of [
      'Le responsable du traitement est Centre hospitalier de Jury.',
      'Son délégué à la protection des données : Délégué à la protection des données, dpo@ch-jury.example.',
      'La base légale est votre accord',
      'votre demande est effacée 4 mois après son arrivée',
      'vos informations sont effacées 30 mois après le dernier contact',
      'détruits 18 mois après la fin du suivi',
      'Votre accord vous est redemandé au bout de 12 mois.',
      'droit d’accès',
      'droit de rectification',
      'droit à l’effacement',
      'Vous pouvez retirer votre accord à tout moment',
      'Commission nationale de l’informatique et des libertés (CNIL)',
      'ne sont pas tenus au secret professionnel par la loi — personnel d’un bailleur.',
    ])
      expect(note).toContain(said);
    const form = text(await ok(api.situations.consentForm({ id: ids.situation })));
    expect(form).toContain('Travailleur social (tenus au secret professionnel)');
    expect(form).toContain(
      'Personnel d’un bailleur (non tenus au secret professionnel : engagés seulement par la charte de la Commission)',
    );
    expect(form).toContain('Représentant d’usagers ou d’aidants (non tenus au secret professionnel');
  });

  it('prints the referral form blank, and filled only when the gates allow', async () => {
    const { api, ids } = await situationWithConsent();
    const blank = pdfText(Buffer.from((await ok(api.situations.referralForm({}))).base64, 'base64'));
    expect(blank).toContain('Fiche de saisine de la Commission');
    expect(blank).toContain('Question posée à la Commission');
    expect(blank).not.toContain('S-2026');
    const filled = await ok(api.situations.referralForm({ id: ids.situation }));
    const text = pdfText(Buffer.from(filled.base64, 'base64'));
    expect(text).toContain('Code de la situation : S-2026-001');
    expect(text).toContain('Comment maintenir la personne dans son logement');
    expect(text).toMatch(/X\s+logement/);
    expect(text).toContain('Confidentiel');
  });
});
