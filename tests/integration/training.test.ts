// The cross-training, the CLSM's meetings and tools, and the evaluation through the typed client:
// every channel of these domains served to the coordinator in the order of a year, the refusals a
// careful user meets (bad dates, a second guest, answers before the session is held, a typology
// the settings do not offer), each role's access, and no name in the trail or the exports.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildApi } from '../../electron/ipc/api';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { SMALL_COUNT } from '../../electron/services/evaluation/disclosure';
import { accountFor, ANIMATEUR, SECRETARY } from '../fixtures/people';
import { firstUnlock, ok } from '../helpers/ipc';
import { pdfText } from '../helpers/pdf';
import { situationsSession } from '../helpers/situations';
import { manualClock } from '../helpers/vault';

// The CLSM's bodies and action plan have their own test (clsm.test.ts); the common tools are here.
const DOMAINS = /^(training\.|evaluation\.|clsm\.(tools|saveTool|removeTool)$)/;
const flat = (text: string) => text.replace(/\s+/g, ' ');
const decode = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

async function year() {
  const clock = manualClock(new Date('2026-06-15T09:00:00Z'));
  const session = await situationsSession({ now: clock.now });
  const used = new Set<string>();
  const api = buildApi(CHANNEL_NAMES, (channel, payload) => {
    used.add(channel);
    return session.ipc.dispatch(channel, payload, { trustedSender: true });
  });
  return { ...session, api, used, clock };
}

const workshop = {
  kind: 'workshop',
  theme: 'Connaître les acteurs de la santé mentale',
  startsOn: '2026-05-21',
  endsOn: '2026-05-21',
  place: 'Hôtel de Ville de Metz',
  trainer: 'Coordination du CLSM',
  hostStructureId: null,
  durationHours: 4,
  status: 'planned',
} as const;

describe('cross-training and evaluation channels', () => {
  it('serve the coordinator a year of training, meetings and tools, then the indicators and exports, with no name in the trail', async () => {
    const { api, used, vault, referrer, signed } = await year();
    expect(await api.training.save({ ...workshop, startsOn: '2026-07-01', endsOn: '2026-07-01', status: 'held' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { status: 'Une session à venir ne peut pas être marquée réalisée.' } },
    });
    expect(await api.training.save({ ...workshop, endsOn: '2026-05-20' })).toMatchObject({
      ok: false,
      error: { fields: { endsOn: 'La fin ne peut pas précéder le début.' } },
    });
    expect(await api.training.save({ ...workshop, kind: 'placement' })).toMatchObject({
      ok: false,
      error: { fields: { hostStructureId: 'Choisissez la structure qui accueille le stage.' } },
    });
    const planned = await ok(api.training.save(workshop));
    expect(planned).toMatchObject({ status: 'planned', participants: [], questionnaires: [] });
    expect(planned.knowledgeTypologies).toContain('Rôle et missions des partenaires');
    await ok(api.training.addParticipant({ source: 'member', sessionId: planned.id, memberId: referrer.id }));
    expect(await api.training.addParticipant({ source: 'member', sessionId: planned.id, memberId: referrer.id })).toMatchObject({
      ok: false,
      error: { code: 'TRAINING_PARTICIPANT_TWICE' },
    });
    const answer = {
      sessionId: planned.id,
      sector: 'ccas' as const,
      satisfaction: 5,
      knowledge: ['Rôle et missions des partenaires'],
      coordinationImproved: true,
      collaborationsDeveloped: null,
      comment: '',
    };
    expect(await api.training.recordQuestionnaire(answer)).toMatchObject({ ok: false, error: { code: 'TRAINING_NOT_HELD' } });
    expect(await api.training.attestations({ sessionId: planned.id })).toMatchObject({ ok: false, error: { code: 'TRAINING_NOT_HELD' } });
    const held = await ok(api.training.save({ ...workshop, id: planned.id, status: 'held' }));
    let detail = await ok(
      api.training.addParticipant({
        source: 'external',
        sessionId: held.id,
        name: 'Lucie Adam',
        structureName: 'Mission locale de Metz',
        sector: 'autre',
      }),
    );
    expect(detail.participants.map((p) => [p.name, p.structureName, p.sector])).toEqual([
      ['Anne Klein', 'CCAS de Woippy', 'ccas'],
      ['Lucie Adam', 'Mission locale de Metz', 'autre'],
    ]);
    expect(await api.training.recordQuestionnaire({ ...answer, knowledge: ['Astrologie'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { knowledge: expect.stringContaining('« Astrologie » ne figure pas') } },
    });
    expect(await api.training.recordQuestionnaire({ ...answer, satisfaction: 6 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await ok(api.training.recordQuestionnaire(answer));
    await ok(api.training.recordQuestionnaire({ ...answer, sector: null, satisfaction: 3, coordinationImproved: false, knowledge: [] }));
    detail = await ok(api.training.recordQuestionnaire({ ...answer, satisfaction: 4 }));
    expect(detail.questionnaires.map((q) => q.satisfaction)).toEqual([5, 3, 4]);
    detail = await ok(api.training.removeQuestionnaire({ id: detail.questionnaires[2]!.id }));
    expect(detail.questionnaireCount).toBe(2);

    const blank = flat(pdfText(decode(await ok(api.training.questionnaire({ sessionId: held.id })))));
    expect(blank).toContain('Questionnaire de fin de formation croisée');
    expect(blank).toContain('Atelier croisé « Connaître les acteurs de la santé mentale », le jeudi 21 mai 2026, Hôtel de Ville de Metz.');
    expect(blank).toContain('Rôle et missions des partenaires');
    const lucie = detail.participants.find((p) => p.name === 'Lucie Adam')!;
    const one = await ok(api.training.attestation({ participantId: lucie.id }));
    expect(one.fileName).toBe('attestation-formation-2026-05-21-lucie-adam.pdf');
    expect(flat(pdfText(decode(one)))).toContain(
      'Françoise Marchal, en charge de la coordination du Conseil local de santé mentale — Centre hospitalier de Jury — CLSM du territoire messin, atteste que Lucie Adam (Mission locale de Metz) a participé à l’atelier croisé « Connaître les acteurs de la santé mentale » le jeudi 21 mai 2026, à l’Hôtel de Ville de Metz, animé par Coordination du CLSM, d’une durée de 4 heures',
    );
    const all = flat(pdfText(decode(await ok(api.training.attestations({ sessionId: held.id })))));
    expect(all.match(/ATTESTATION DE FORMATION/g)).toHaveLength(2);
    expect(await ok(api.training.get({ id: held.id }))).toMatchObject({ participantCount: 2, questionnaireCount: 2 });
    expect(await api.training.remove({ id: held.id })).toMatchObject({ ok: false, error: { code: 'TRAINING_HAS_RECORDS' } });
    detail = await ok(api.training.removeParticipant({ participantId: lucie.id }));
    expect(detail.participantCount).toBe(1);

    const placement = await ok(
      api.training.save({
        ...workshop,
        kind: 'placement',
        theme: 'Une semaine au CMP',
        endsOn: '2026-05-25',
        hostStructureId: signed.id,
        durationHours: 35,
      }),
    );
    await ok(api.training.addParticipant({ source: 'member', sessionId: placement.id, memberId: referrer.id }));
    expect(
      await api.training.addParticipant({
        source: 'external',
        sessionId: placement.id,
        name: 'Paul Weber',
        structureName: 'UDAF',
        sector: 'mandataire_judiciaire',
      }),
    ).toMatchObject({ ok: false, error: { code: 'TRAINING_GUEST_ONLY_ONE' } });
    const spare = await ok(api.training.save({ ...workshop, theme: 'Atelier annulé', startsOn: '2026-09-10', endsOn: '2026-09-10' }));
    expect(await ok(api.training.remove({ id: spare.id }))).toEqual({ removed: true });
    expect((await ok(api.training.list({}))).map((t) => [t.theme, t.status, t.participantCount, t.questionnaireCount])).toEqual([
      ['Une semaine au CMP', 'planned', 1, 0],
      ['Connaître les acteurs de la santé mentale', 'held', 1, 2],
    ]);

    // The CLSM's meetings themselves: tests/integration/clsm.test.ts.
    expect(await api.clsm.saveTool({ kind: 'guide', title: 'Guide', producedOn: '2026-07-01' })).toMatchObject({
      ok: false,
      error: { fields: { producedOn: 'La date ne peut pas être dans le futur.' } },
    });
    const tools = await ok(api.clsm.saveTool({ kind: 'guide', title: 'Guide des ressources', producedOn: '2026-05-28' }));
    await ok(
      api.clsm.saveTool({ id: tools[0]!.id, kind: 'guide', title: 'Guide des ressources de Metz Métropole', producedOn: '2026-05-28' }),
    );
    await ok(api.clsm.saveTool({ kind: 'fiche', title: 'Fiche réflexe', producedOn: '2026-06-01' }));
    expect((await ok(api.clsm.tools({}))).map((t) => t.title)).toEqual(['Fiche réflexe', 'Guide des ressources de Metz Métropole']);
    expect(await ok(api.clsm.removeTool({ id: tools[0]!.id }))).toHaveLength(1);

    expect(await api.evaluation.indicators({ from: '2026-12-31', to: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { fields: { to: 'La fin de la période précède son début.' } },
    });
    const report = await ok(api.evaluation.indicators({ from: '2026-01-01', to: '2026-12-31' }));
    const value = (code: string) => report.sections.flatMap((s) => s.indicators).find((i) => i.code === code)!.value;
    expect([value('ateliers_prevus'), value('ateliers_realises'), value('stages_prevus'), value('stages_realises')]).toEqual([1, 1, 1, 0]);
    expect([value('participants'), value('questionnaires'), value('satisfaction'), value('coordination_amelioree_part')]).toEqual([
      1, 2, 4, 50,
    ]);
    expect([value('outils_communs'), value('signataires_convention')]).toEqual([1, 1]);
    const csv = await ok(api.evaluation.export({ period: { from: '2026-01-01', to: '2026-12-31' }, format: 'csv' }));
    expect(csv).toMatchObject({ fileName: 'indicateurs-2026.csv', mimeType: 'text/csv' });
    const rows: string[][] = parse(decode(csv).subarray(3).toString('utf8'), { delimiter: ';' });
    // Workshops are activity, shown as counted; participants are persons, written « < 3 ».
    expect(rows.find((r) => r[1] === 'ateliers_realises')!.slice(6)).toEqual(['1', '0']);
    expect(rows.find((r) => r[1] === 'participants' && r[3] === '')!.slice(6)).toEqual([SMALL_COUNT, '0']);
    const docx = await ok(api.evaluation.export({ period: { from: '2026-03-01', to: '2026-06-30' }, format: 'docx' }));
    expect(docx.fileName).toBe('bilan-2026-03-01-2026-06-30.docx');
    const pdf = await ok(api.evaluation.export({ period: { from: '2026-01-01', to: '2026-12-31' }, format: 'pdf' }));
    const text = flat(pdfText(decode(pdf)));
    expect(text).toContain('Bilan annuel 2026');
    for (const name of ['Lucie', 'Klein', 'Mission locale', 'Marchal']) expect(text).not.toContain(name);

    const own = CHANNEL_NAMES.filter((c) => DOMAINS.test(c));
    expect([...used].filter((c) => DOMAINS.test(c)).sort()).toEqual([...own].sort());
    const trail = JSON.stringify(
      vault
        .database()
        .prepare(`SELECT * FROM audit_events WHERE action LIKE 'training.%' OR action LIKE 'clsm.%' OR action LIKE 'evaluation.%'`)
        .all(),
    );
    expect(trail).toContain('evaluation.export');
    for (const name of ['Lucie', 'Adam', 'Klein', 'Mission']) expect(trail).not.toContain(name);
  });

  it('open the training to the secretariat, the evaluation to the animateur, and no change to the animateur', async () => {
    const { api } = await year();
    await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    const period = { from: '2026-01-01', to: '2026-12-31' };
    await ok(api.session.lock({}));
    await firstUnlock(api, SECRETARY);
    const saved = await ok(api.training.save(workshop));
    await ok(api.clsm.saveTool({ kind: 'fiche', title: 'Fiche de liaison', producedOn: '2026-06-01' }));
    expect(await api.evaluation.indicators(period)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.evaluation.export({ period, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ok(api.session.info({})))!.areas).toEqual(expect.arrayContaining(['training']));
    expect((await ok(api.session.info({})))!.areas).not.toContain('evaluation');
    await ok(api.session.lock({}));
    await firstUnlock(api, ANIMATEUR);
    expect(await ok(api.training.get({ id: saved.id }))).toMatchObject({ theme: workshop.theme });
    expect(await api.training.save({ ...workshop, id: saved.id, theme: 'Autre' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await api.clsm.removeTool({ id: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ok(api.evaluation.indicators(period))).sections).toHaveLength(5);
    expect((await ok(api.evaluation.export({ period, format: 'csv' }))).fileName).toBe('indicateurs-2026.csv');
  });
});
