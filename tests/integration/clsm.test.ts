// The CLSM's own bodies through the typed client: a comité de pilotage planned with its agenda, its
// invitations (a structure, members — one without the charter —, an élue and a person with lived
// experience from outside the directory), convocations printed and drafted by e-mail, the sign-in
// sheet, attendance, the minutes written part by part in the frame of seed 003, signed (pdfsig),
// locked, completed by an addendum; the action plan and the meetings that review it; each role's
// access; no guest's name in the trail.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { accountFor, ANIMATEUR, SECRETARY } from '../fixtures/people';
import { base, bytes, CLSM, copil, flat, PASSWORD } from '../helpers/clsm';
import { callChannel, firstUnlock, ok } from '../helpers/ipc';
import { pdfSignatures, pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/vault';

/** Every channel the tests below serve: together, the whole domain. */
const served = new Set<string>();

describe('a comité de pilotage', () => {
  it('is planned, convened, held, its minutes written in the seed’s frame, signed, locked and completed', async () => {
    const { api, used, clock, meeting, signed, referrer, outsider, vault } = await copil();
    expect(meeting).toMatchObject({ kind: 'comite_pilotage', status: 'planned', points: [], invitations: [], locked: false });
    expect(await api.clsm.saveMeeting({ ...base(meeting), endsAt: '13:00' })).toMatchObject({
      ok: false,
      error: { fields: { endsAt: 'La réunion doit finir après son début.' } },
    });
    expect(await api.clsm.saveMeeting({ ...base(meeting), status: 'held' })).toMatchObject({
      ok: false,
      error: { fields: { status: 'Une réunion à venir ne peut pas être marquée tenue.' } },
    });

    // — The agenda: ordered points with their presenter; reordered, one dropped —
    let detail = await ok(
      api.clsm.savePoints({
        meetingId: meeting.id,
        points: [
          { title: 'Animation du CLSM', presenter: 'Françoise Marchal, coordinatrice' },
          { title: 'Point retiré', presenter: '' },
          { title: 'Bilan et perspectives des actions', presenter: 'Les pilotes des actions' },
        ],
      }),
    );
    const [animation, dropped, bilan] = detail.points;
    detail = await ok(
      api.clsm.savePoints({
        meetingId: meeting.id,
        points: [
          { id: bilan!.id, title: 'Bilan et perspectives des actions', presenter: 'Les pilotes des actions' },
          { id: animation!.id, title: 'Animation du CLSM', presenter: 'Françoise Marchal, coordinatrice' },
          { title: 'Présentation du projet territorial de santé mentale', presenter: 'Délégation territoriale de l’ARS' },
        ],
      }),
    );
    expect(detail.points.map((p) => [p.position, p.title])).toEqual([
      [1, 'Bilan et perspectives des actions'],
      [2, 'Animation du CLSM'],
      [3, 'Présentation du projet territorial de santé mentale'],
    ]);
    expect(await api.clsm.savePoints({ meetingId: meeting.id, points: [{ id: dropped!.id, title: 'X', presenter: '' }] })).toMatchObject({
      ok: false,
      error: { code: 'CLSM_POINT_NOT_FOUND' },
    });

    // — Invitations: the directory (no charter asked) and people from outside it —
    const elue = await ok(
      api.clsm.saveGuest({
        civility: 'madame',
        lastName: 'Vogel',
        firstName: 'Claire',
        organisation: 'Ville de Metz',
        role: 'Adjointe au maire chargée de la santé',
        category: 'elu',
        email: 'c.vogel@mairie-metz.example',
      }),
    );
    const gem = await ok(
      api.clsm.saveGuest({
        civility: 'monsieur',
        lastName: 'Hœrner',
        firstName: 'Étienne',
        organisation: 'GEM L’Albatros',
        role: 'Adhérent',
        category: 'personne_concernee',
        email: '',
      }),
    );
    expect(
      await api.clsm.saveGuest({ lastName: 'X', firstName: 'Y', organisation: '', role: '', category: 'police', email: '' } as never),
    ).toMatchObject({
      ok: false,
      error: { fields: { category: 'Choisissez la catégorie de la personne.' } },
    });
    expect((await ok(api.clsm.guests({ search: 'albatros' }))).map((g) => g.displayName)).toEqual(['Étienne Hœrner']);
    detail = await ok(
      api.clsm.invite({
        meetingId: meeting.id,
        structureIds: [signed.id],
        memberIds: [referrer.id, outsider.id],
        guestIds: [elue.id, gem.id],
      }),
    );
    expect(detail.invitations.map((i) => [i.kind, i.name, i.attendance])).toEqual([
      ['structure', 'CCAS de Woippy', 'invited'],
      ['member', 'Anne Klein', 'invited'],
      ['member', 'Hélène Roth', 'invited'],
      ['guest', 'Claire Vogel', 'invited'],
      ['guest', 'Étienne Hœrner', 'invited'],
    ]);
    expect(await api.clsm.invite({ meetingId: meeting.id, guestIds: [elue.id] })).toMatchObject({
      ok: false,
      error: { code: 'CLSM_ALREADY_INVITED' },
    });
    const invitation = (name: string) => detail.invitations.find((i) => i.name === name)!;

    // — Convocations: one per invitee and all in one file, the .ics, the sign-in sheet —
    const claire = flat(pdfText(bytes(await ok(api.clsm.convocation({ invitationId: invitation('Claire Vogel').id })))));
    expect(claire).toContain('À l’attention de Claire Vogel, Adjointe au maire chargée de la santé, Ville de Metz');
    expect(claire).toContain('Madame,');
    expect(claire).toContain('à la réunion du comité de pilotage, le mardi 10 mars 2026, de 14 h 00 à 16 h 30');
    expect(claire).toMatch(/1\. Bilan et perspectives des actions — présenté par Les pilotes des actions.*2\. Animation du CLSM/);
    expect(claire).toContain('Diaporama du bilan 2025');
    expect(claire).not.toContain('Confidentiel');
    const structure = flat(pdfText(bytes(await ok(api.clsm.convocation({ invitationId: invitation('CCAS de Woippy').id })))));
    expect(structure).toContain('À l’attention de la direction de CCAS de Woippy');
    const all = await ok(api.clsm.convocations({ meetingId: meeting.id }));
    expect(all.fileName).toBe('convocations-comite-pilotage-2026-03-10.pdf');
    expect(
      pdfText(bytes(all))
        .split('\f')
        .filter((page) => page.includes('Convocation')).length,
    ).toBe(5);
    const ics = bytes(await ok(api.clsm.calendar({ meetingId: meeting.id }))).toString('utf8');
    expect(ics).toContain('SUMMARY:Comité de pilotage du CLSM');
    expect(ics).toContain('DTSTART:20260310T130000Z');
    const sheet = flat(pdfText(bytes(await ok(api.clsm.signInSheet({ meetingId: meeting.id })))));
    expect(sheet).toContain('Feuille d’émargement');
    expect(sheet).toContain('Organisation');
    expect(sheet).toContain('Claire Vogel Ville de Metz Adjointe au maire chargée de la santé');
    expect(sheet).not.toContain('Engagement de confidentialité');
    expect(sheet).not.toContain('charte');

    // — By e-mail: a draft per invitee with an address, the others named back —
    const folder = tempDir();
    await ok(api.settings.updateMailFolder({ folder }));
    const drafts = await ok(api.clsm.mailConvocations({ meetingId: meeting.id }));
    expect(drafts).toMatchObject({
      drafts: 1,
      withoutEmail: expect.arrayContaining([expect.objectContaining({ name: 'Étienne Hœrner' })]),
    });
    expect(drafts.withoutEmail).toHaveLength(4);
    const [eml] = readdirSync(drafts.folder);
    expect(eml).toBe('convocation-comite-pilotage-2026-03-10-claire-vogel.eml');
    // A person with lived experience is never named in a file name.
    expect((await ok(api.clsm.convocation({ invitationId: invitation('Étienne Hœrner').id }))).fileName).toBe(
      `convocation-comite-pilotage-2026-03-10-invite-${invitation('Étienne Hœrner').id}.pdf`,
    );
    const mail = await simpleParser(readFileSync(join(drafts.folder, eml!)));
    expect(mail.subject).toBe('Convocation — Comité de pilotage du CLSM du mardi 10 mars 2026');
    expect(mail.text).toMatch(/^Madame,\n/);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf', 'text/calendar']);
    expect((await ok(api.clsm.meeting({ id: meeting.id }))).invitations.every((i) => i.convenedOn === '2026-03-02')).toBe(true);

    // — Attendance: excused beforehand; the rest on the day —
    expect(await api.clsm.attendance({ invitationId: invitation('Anne Klein').id, attendance: 'present' })).toMatchObject({
      ok: false,
      error: { code: 'CLSM_ATTENDANCE_BEFORE_DAY' },
    });
    await ok(api.clsm.attendance({ invitationId: invitation('Hélène Roth').id, attendance: 'excused' }));
    clock.advance(Date.parse('2026-03-10T17:00:00Z') - clock.now().getTime());
    expect(await api.clsm.attendance({ invitationId: invitation('CCAS de Woippy').id, attendance: 'represented' })).toMatchObject({
      ok: false,
      error: { fields: { representedBy: 'Indiquez qui représentait la structure ou la personne.' } },
    });
    await ok(
      api.clsm.attendance({ invitationId: invitation('CCAS de Woippy').id, attendance: 'represented', representedBy: 'Lucie Adam' }),
    );
    await ok(api.clsm.attendance({ invitationId: invitation('Claire Vogel').id, attendance: 'absent' }));
    detail = await ok(api.clsm.allPresent({ meetingId: meeting.id }));
    expect(detail.invitations.map((i) => i.attendance)).toEqual(['represented', 'present', 'excused', 'absent', 'present']);

    // — The action plan: an action decided and another reviewed by this meeting —
    const plan = await ok(api.clsm.plan({}));
    expect(plan.axes.map((a) => a.title)).toEqual([
      'Inclusion dans la cité',
      'Amélioration des parcours',
      'Coordination entre les acteurs',
    ]);
    await ok(
      api.clsm.saveAction({
        axisId: plan.axes[0]!.id,
        title: 'Semaines d’information sur la santé mentale 2026',
        description: '',
        pilotStructureId: signed.id,
        startsOn: '2026-01-05',
        dueOn: '2026-03-31',
        status: 'in_progress',
      }),
    );
    expect(
      await api.clsm.saveAction({
        axisId: plan.axes[2]!.id,
        title: 'Mettre à jour le guide santé mentale',
        description: '',
        pilotStructureId: null,
        startsOn: '2026-02-01',
        dueOn: '2026-01-01',
        status: 'done',
      }),
    ).toMatchObject({
      ok: false,
      error: { fields: { dueOn: 'L’échéance précède le début.', finishedOn: 'Indiquez la date de réalisation ou d’abandon.' } },
    });
    const withGuide = await ok(
      api.clsm.saveAction({
        axisId: plan.axes[2]!.id,
        title: 'Mettre à jour le guide santé mentale',
        description: 'Annuaire, fiches techniques et fiches partenaires.',
        pilotStructureId: null,
        startsOn: '2026-02-01',
        dueOn: '2026-06-30',
        status: 'planned',
      }),
    );
    const [sism, guide] = withGuide.actions;
    detail = await ok(
      api.clsm.saveReviews({
        meetingId: meeting.id,
        reviews: [
          { actionId: sism!.id, role: 'reviewed' },
          { actionId: guide!.id, role: 'decided' },
        ],
      }),
    );
    expect(detail.reviews.map((r) => [r.title, r.role])).toEqual([
      ['Semaines d’information sur la santé mentale 2026', 'reviewed'],
      ['Mettre à jour le guide santé mentale', 'decided'],
    ]);

    // — The minutes, part by part, then the draft —
    const part = (p: 'intro' | 'opening' | 'discussed' | 'closing', text: string) =>
      ok(api.clsm.saveMinutes({ meetingId: meeting.id, part: p, text }));
    await part('intro', 'Cette synthèse suit les points abordés lors du comité de pilotage. Le diaporama est joint.');
    await part('opening', 'Après un tour de table, Claire Vogel ouvre la séance.');
    await ok(
      api.clsm.saveMinutes({
        meetingId: meeting.id,
        part: 'point',
        pointId: animation!.id,
        text: '# La coordination\nLe CLSM entame sa quatrième année.\n\n## La communication réalisée\n- six lettres d’information\n- le site internet\n\n# La dynamique du réseau\n56 partenaires impliqués.',
      }),
    );
    await part('discussed', '# Sensibilisation en santé mentale\nUne sensibilisation croisée est proposée.');
    await part('closing', 'La coordination remercie les partenaires.');
    expect(await api.clsm.saveMinutes({ meetingId: meeting.id, part: 'point', text: 'x' })).toMatchObject({
      ok: false,
      error: { fields: { pointId: 'Précisez le point.' } },
    });
    const preview = flat(pdfText(bytes(await ok(api.clsm.previewMinutes({ meetingId: meeting.id })))));
    const headings = [
      'COMPTE RENDU (PROJET)',
      'TYPE DE RÉUNION',
      'DATE / LIEU',
      'Comité de pilotage du CLSM —',
      'POINTS À L’ORDRE DU JOUR',
      'PARTICIPANTS',
      'Voir la feuille d’émargement.',
      'PROCHAINE RÉUNION',
      'Assemblée plénière en juin (date à convenir).',
      'Cette synthèse suit les points abordés',
      'DÉROULÉ DE LA RÉUNION',
      '1. OUVERTURE DE LA RÉUNION',
      '2. BILAN ET PERSPECTIVES DES ACTIONS',
      '3. ANIMATION DU CLSM',
      '3.1. LA COORDINATION',
      '3.1.1. La communication réalisée',
      '3.2. LA DYNAMIQUE DU RÉSEAU',
      '4. PRÉSENTATION DU PROJET TERRITORIAL DE SANTÉ MENTALE',
      '5. CLÔTURE DE LA RÉUNION',
      '6. POINTS DISCUTÉS',
      '6.1. SENSIBILISATION EN SANTÉ MENTALE',
      '7. ACTIONS DU PLAN EXAMINÉES',
      '(examinée)',
      '(décidée)',
      '8. DOCUMENTS JOINTS',
      'Diaporama du bilan 2025',
    ];
    let at = -1;
    for (const heading of headings) {
      const next = preview.indexOf(heading, at + 1);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    expect(preview).toContain('3 présents ou représentés, 1 excusé, 1 absent.');
    expect(preview).toContain('PROJET de compte rendu, non signé.');

    // — Signed by the coordination: held first, the certificate and its password —
    expect(await api.clsm.signMinutes({ meetingId: meeting.id, password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'CLSM_NOT_HELD' },
    });
    await ok(api.clsm.saveMeeting({ ...base(meeting), status: 'held' }));
    expect(await api.clsm.signMinutes({ meetingId: meeting.id, password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'CERTIFICATE_MISSING' },
    });
    await ok(
      api.signing.create({
        memberId: null,
        commonName: 'Françoise Marchal',
        organization: 'Centre hospitalier de Jury',
        password: PASSWORD,
        passwordConfirmation: PASSWORD,
      }),
    );
    expect(await api.clsm.signMinutes({ meetingId: meeting.id, password: 'mauvais' })).toMatchObject({
      ok: false,
      error: { code: 'CERTIFICATE_PASSWORD' },
    });
    detail = await ok(api.clsm.signMinutes({ meetingId: meeting.id, password: PASSWORD }));
    expect(detail.locked).toBe(true);
    const minutes = bytes(await ok(api.clsm.minutesDocument({ documentId: detail.signedDocuments[0]!.id })));
    const report = pdfSignatures(minutes);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Françoise Marchal');
    const signedText = flat(pdfText(minutes));
    expect(signedText).toContain('COMPTE RENDU');
    expect(signedText).not.toContain('(PROJET)');
    expect(signedText).not.toContain('non signé');
    expect(signedText).toContain('La coordination du CLSM');

    // — Kept as signed: no change, only an addendum —
    for (const call of [
      api.clsm.saveMinutes({ meetingId: meeting.id, part: 'closing', text: 'Autre' }),
      api.clsm.attendance({ invitationId: invitation('Claire Vogel').id, attendance: 'present' }),
      api.clsm.savePoints({ meetingId: meeting.id, points: [] }),
      api.clsm.saveMeeting({ ...base(meeting), status: 'held', place: 'Ailleurs' }),
      api.clsm.invite({ meetingId: meeting.id, memberIds: [referrer.id] }),
      api.clsm.saveReviews({ meetingId: meeting.id, reviews: [] }),
      api.clsm.removeMeeting({ id: meeting.id }),
      api.clsm.signMinutes({ meetingId: meeting.id, password: PASSWORD }),
    ])
      expect(await call).toMatchObject({ ok: false, error: { code: 'CLSM_MEETING_LOCKED' } });
    expect(await api.clsm.removeAction({ id: sism!.id })).toMatchObject({ ok: false, error: { code: 'PLAN_ACTION_IN_SIGNED_MINUTES' } });
    detail = await ok(
      api.clsm.addendum({ meetingId: meeting.id, text: 'Le GEM Camille Claudel était également représenté.', password: PASSWORD }),
    );
    const addendum = bytes(await ok(api.clsm.minutesDocument({ documentId: detail.signedDocuments[1]!.id })));
    expect(pdfSignatures(addendum)).toContain('Signature is Valid');
    expect(flat(pdfText(addendum))).toContain('ADDITIF N° 1 AU COMPTE RENDU');

    // The meetings list, paged and searched in SQL.
    const page = await ok(api.clsm.meetings({ search: 'bilan', limit: 10, offset: 0 }));
    expect(page).toMatchObject({ total: 1, items: [{ id: meeting.id, invited: 5, present: 3, points: 3, signed: true }] });
    expect(await ok(api.clsm.meetings({ year: 2025 }))).toEqual({ items: [], total: 0 });

    for (const c of used) served.add(c);
    // The trail names no guest.
    const trail = JSON.stringify(vault.database().prepare(`SELECT * FROM audit_events WHERE action LIKE 'clsm.%'`).all());
    for (const name of ['Vogel', 'Hœrner', 'Albatros', 'Klein']) expect(trail).not.toContain(name);
  });
});

describe('the CLSM’s bodies and plan by role', () => {
  it('let the secrétariat prepare (not sign), the animateur read, and remove only what nothing hangs on', async () => {
    const { api, used, meeting, signed, referrer, vault } = await copil();
    const session = { api };
    await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    // A meeting nothing hangs on is deleted; one with invitations is cancelled instead.
    const spare = await ok(api.clsm.saveMeeting({ ...base(meeting), id: undefined, kind: 'groupe_projet', subject: 'Groupe logement' }));
    let detail = await ok(api.clsm.invite({ meetingId: spare.id, memberIds: [referrer.id] }));
    expect(await api.clsm.removeMeeting({ id: spare.id })).toMatchObject({ ok: false, error: { code: 'CLSM_MEETING_HAS_RECORDS' } });
    detail = await ok(api.clsm.uninvite({ invitationId: detail.invitations[0]!.id }));
    expect(detail.invitations).toEqual([]);
    expect(await ok(api.clsm.removeMeeting({ id: spare.id }))).toEqual({ removed: true });
    expect(await api.clsm.meeting({ id: spare.id })).toMatchObject({ ok: false, error: { code: 'CLSM_MEETING_NOT_FOUND' } });
    // A cancelled meeting takes no invitation and prints no convocation.
    const cancelled = await ok(api.clsm.saveMeeting({ ...base(meeting), id: undefined, status: 'cancelled' }));
    expect(await api.clsm.invite({ meetingId: cancelled.id, structureIds: [signed.id] })).toMatchObject({
      ok: false,
      error: { code: 'CLSM_MEETING_CANCELLED' },
    });
    expect(await api.clsm.convocations({ meetingId: cancelled.id })).toMatchObject({
      ok: false,
      error: { code: 'CLSM_MEETING_CANCELLED' },
    });
    // Axes are configurable; an archived one takes no new action; an action with no signed record is deleted.
    let plan = await ok(api.clsm.saveAxis({ title: 'Participation et citoyenneté' }));
    const added = plan.axes.find((a) => a.title === 'Participation et citoyenneté')!;
    expect(added).toMatchObject({ position: 4, archived: false, actions: 0 });
    plan = await ok(api.clsm.saveAxis({ id: added.id, title: 'Participation et citoyenneté', archived: true }));
    const action = {
      axisId: added.id,
      title: 'Forum ouvert',
      description: '',
      pilotStructureId: null,
      startsOn: '2026-04-01',
      dueOn: '2026-06-30',
      status: 'planned',
    } as const;
    expect(await api.clsm.saveAction(action)).toMatchObject({ ok: false, error: { code: 'PLAN_AXIS_ARCHIVED' } });
    plan = await ok(api.clsm.saveAction({ ...action, axisId: plan.axes[0]!.id }));
    plan = await ok(
      api.clsm.saveAction({ ...action, id: plan.actions[0]!.id, axisId: plan.axes[0]!.id, status: 'abandoned', finishedOn: '2026-03-01' }),
    );
    expect(plan.actions[0]).toMatchObject({ status: 'abandoned', finishedOn: '2026-03-01' });
    expect(await ok(api.clsm.plan({ status: 'planned' }))).toMatchObject({ actions: [] });
    expect((await ok(api.clsm.removeAction({ id: plan.actions[0]!.id }))).actions).toEqual([]);

    await firstUnlock(api, SECRETARY);
    // The secrétariat prepares: plans, invites, prints, notes attendance, writes the minutes; never signs.
    await ok(api.clsm.savePoints({ meetingId: meeting.id, points: [{ title: 'Bilan', presenter: '' }] }));
    await ok(api.clsm.invite({ meetingId: meeting.id, structureIds: [signed.id] }));
    await ok(api.clsm.signInSheet({ meetingId: meeting.id }));
    await ok(api.clsm.saveMinutes({ meetingId: meeting.id, part: 'opening', text: 'Tour de table.' }));
    await ok(api.clsm.previewMinutes({ meetingId: meeting.id }));
    expect(await api.clsm.signMinutes({ meetingId: meeting.id, password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await api.clsm.addendum({ meetingId: meeting.id, text: 'x', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    await firstUnlock(api, ANIMATEUR);
    // The animateur reads the meetings and the plan; nothing else.
    const reads: Record<string, unknown> = { 'clsm.meetings': {}, 'clsm.meeting': { id: meeting.id }, 'clsm.plan': {}, 'clsm.tools': {} };
    for (const channel of CHANNEL_NAMES.filter((c) => c.startsWith('clsm.'))) {
      const result = await callChannel(api, channel, reads[channel] ?? {});
      if (channel in reads) expect(result, channel).toMatchObject({ ok: true });
      else if (channel === 'clsm.minutesDocument') expect(result, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      else expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    void session;
    void vault;
    for (const c of used) served.add(c);
  });

  it('were served, channel by channel, by the tests above', () => {
    expect([...served].filter((c) => CLSM.test(c)).sort()).toEqual(CHANNEL_NAMES.filter((c) => CLSM.test(c)).sort());
  });
});
