// The journal in words: every audit action, with a sample of the detail its code writes (and the
// details any call may get: a refusal, gates, a count kept while locked), is rendered with no raw
// token left — the same text on screen and in the DPO's CSV export.
import { describe, expect, it } from 'vitest';
import { describeDetail } from '../../electron/services/audit/describe-detail';
import { AUDIT_ACTIONS, AuditAction } from '../../electron/shared/audit-actions';

/** The details the services write, one sample per shape (from their `ctx.audit` calls). */
const SAMPLES: Partial<Record<AuditAction, string[]>> = {
  'audit.genesis': ['database=fc001372e8e3a1f498b946f29e44dc4a'],
  'audit.archive': ['count=1200,before=2024-01-01'],
  'audit.export': ['count=52,situation=S-2026-001'],
  'audit.verify': ['count=1204,archives=2', 'broken=17', 'broken=triggers'],
  'audit.overflow': ['dropped=4'],
  'audit.pendingReset': ['file=damaged'],
  'users.updateProfile': ['fields=civility', 'fields=displayName,civility'],
  'users.update': ['fields=displayName'],
  'users.create': ['role=animateur'],
  'users.disable': ['via=restore'],
  'users.linkMember': ['member=4', 'unlinked'],
  'users.rotateKey': ['users=3'],
  'settings.update': ['autoLockMinutes=10'],
  'settings.updateLetterhead': ['fields=service,address,phone,email,city'],
  'settings.setLogo': ['type=svg', 'removed'],
  'settings.updateMailFolder': ['cleared=1'],
  'session.unlock': ['via=recovery'],
  'session.lock': ['reason=inactivity', 'reason=shutdown'],
  'session.unlockFailures': ['count=6'],
  'session.unlockDelays': ['count=3'],
  'session.lockoutReset': ['count=1'],
  'session.lockoutMissing': ['file=missing,seen=4', 'file=older,seen=6,found=2'],
  'recovery.newKey': ['via=cli'],
  'charter.adopt': ['version=2'],
  'charter.recordSignature': ['version=1'],
  'charter.cancelSignature': ['version=1'],
  'charter.abandonDraft': ['version=3'],
  'charter.printCommitment': ['version=1'],
  'partners.deactivateMember': ['via=structure'],
  'partners.exportDirectory': ['rows=42'],
  'partners.importDirectory': ['structures=3,members=12,updated=2'],
  'signing.create': ['holder=user', 'member=1'],
  'situations.refer': ['situation=S-2026-001'],
  'situations.transition': ['situation=S-2026-001,from=received,to=eligible', 'situation=S-2026-001,from=ready,to=closed,closure=resolved'],
  'situations.printReferralForm': ['blank=1', 'situation=S-2026-001'],
  'consents.record': ['situation=S-2026-001,consent=1', 'situation=S-2026-001,consent=1,scan=1'],
  'consents.attachScan': ['situation=S-2026-001,consent=1'],
  'consents.withdraw': ['situation=S-2026-004,consent=4'],
  'meetings.plan': ['day=2026-03-12'],
  'meetings.addItem': ['situation=S-2026-001,meeting=1'],
  'meetings.moveItem': ['item=3'],
  'meetings.convene': ['members=13'],
  'meetings.printConvocations': ['members=13', 'members=2,stale=1'],
  'meetings.printConvocation': ['member=1'],
  'meetings.mailConvocations': ['drafts=11,without_email=2'],
  'meetings.attendance': ['member=1,status=present', 'member=3,status=represented'],
  'meetings.concludeItem': ['situation=S-2026-001,meeting=1,outcome=follow_up', 'situation=S-2026-001,meeting=1,outcome=closed'],
  'meetings.memberLeft': ['situation=S-2026-002,meeting=1,member=7,G5:STRUCTURE_EXCLUDED'],
  'actions.add': ['situation=S-2026-001,action=1'],
  'actions.returnToPerson': ['situation=S-2026-001,agreement=agreed', 'situation=S-2026-001,agreed=2,refused=1,discuss=1'],
  'actions.review': ['situation=S-2026-002,action=2,outcome=not_possible', 'situation=S-2026-002,action=2,outcome=done'],
  'minutes.sign': ['signatures=2'],
  'minutes.document': ['sequence=0', 'sequence=1'],
  'minutes.addendum': ['sequence=1'],
  'minutes.extract': ['member=9,items=1,omitted=1', 'member=9,items=4,omitted=0'],
  'minutes.mailExtract': ['member=9,items=4,omitted=0'],
  'minutes.extractPasswordGiven': ['member=9'],
  'minutes.attestations': ['count=6'],
  'minutes.recordApproval': ['reason=approved_by_mail', 'reason=absent'],
  'backup.run': ['bytes=5242880,ms=1520,removed=1,via=app', 'code=BACKUP_SHARE_MISSING,ms=20,via=cli'],
  'backup.verify': ['events=1204'],
  'backup.restore': ['step=replace', 'via=password', 'via=recovery'],
  'retention.candidates': ['count=2,minutes=1'],
  'retention.purge': ['situation=S-2026-004,basis=withdrawal', 'situation=S-2024-011,basis=retention'],
  'retention.destroyMinutes': ['documents=2,head=9c1f2e3d4b5a69788796a5b4c3d2e1f0', 'sequence=0,sha256=aa11bb22cc33dd44ee55ff66'],
  'training.save': ['created,kind=workshop,status=held', 'updated,status=cancelled'],
  'training.addParticipant': ['source=member', 'source=external'],
  'training.recordQuestionnaire': ['questionnaire=1'],
  'training.attestation': ['participant=5'],
  'training.attestations': ['count=12'],
  'clsm.saveMeeting': ['kind=comite_pilotage,status=planned,day=2026-03-10,created', 'kind=groupe_projet,status=held,day=2026-04-02'],
  'clsm.savePoints': ['points=3,points_removed=1', 'points=2,points_removed=0'],
  'clsm.saveGuest': ['kind=elu,created', 'kind=personne_concernee'],
  'clsm.invite': ['structures=1,members=2,guests=2'],
  'clsm.uninvite': ['invitee=guest'],
  'clsm.attendance': ['invitee=structure,attendance=represented'],
  'clsm.allPresent': ['count=2'],
  'clsm.convocation': ['invitee=member'],
  'clsm.convocations': ['count=5'],
  'clsm.signInSheet': ['count=4'],
  'clsm.mailConvocations': ['drafts=1,no_email=4'],
  'clsm.saveMinutes': ['part=opening', 'part=point', 'part=discussed'],
  'clsm.signMinutes': ['signatures=1'],
  'clsm.addendum': ['sequence=1'],
  'clsm.minutesDocument': ['sequence=0', 'sequence=2'],
  'clsm.saveAxis': ['archived', 'created', 'updated'],
  'clsm.saveAction': ['status=in_progress,created', 'status=done'],
  'clsm.saveReviews': ['count=2'],
  'clsm.saveTool': ['kind=fiche'],
  'evaluation.export': ['format=pdf,from=2026-01-01,to=2026-12-31'],
};

/** Whatever any call may get: a refusal, the gates that refused, a count kept while the trail was locked. */
const ANY_CALL = [
  'code=FORBIDDEN',
  'G3:CHARTER_NOT_SIGNED,G5:STRUCTURE_EXCLUDED',
  'code=NOT_AUTHENTICATED,count=3,since=2026-03-02T08:30:00.000Z',
];

/** A token left as the trail stores it: `key=value`, a snake_case code, a gate code, an English flag. */
const RAW =
  /[a-z_]+=|\b[a-z]+_[a-z_]+\b|\bG\d+:|\b[A-Z]+_[A-Z_]+\b|\b(created|updated|removed|unlinked|holder|items|omitted|workshop|held|member)\b/;

describe('the journal in words', () => {
  it('renders every action’s details without a raw token', () => {
    for (const action of Object.keys(AUDIT_ACTIONS) as AuditAction[]) {
      for (const detail of [...(SAMPLES[action] ?? []), ...ANY_CALL]) {
        const text = describeDetail(action, detail);
        expect(text, `${action}: ${detail}`).not.toMatch(RAW);
        expect(text, `${action}: ${detail}`).not.toBe('');
      }
    }
  });

  it('reads counts per action, and agrees them in French', () => {
    expect(describeDetail('minutes.attestations', 'count=6')).toBe('6 attestations imprimées');
    expect(describeDetail('minutes.attestations', 'count=1')).toBe('1 attestation imprimée');
    expect(describeDetail('session.unlockFailures', 'count=6')).toBe('6 échecs de déverrouillage');
    expect(describeDetail('minutes.extract', 'member=9,items=1,omitted=1')).toBe('membre n° 9, 1 point dans l’extrait, 1 point omis');
    expect(describeDetail('signing.create', 'holder=user')).toBe('certificat de la coordination');
    expect(describeDetail('clsm.attendance', 'invitee=structure,attendance=represented')).toBe('une structure, représenté');
    expect(describeDetail('clsm.saveGuest', 'kind=elu,created')).toBe('Élu, création');
    expect(describeDetail('settings.updateLetterhead', 'fields=service,address,city')).toBe('champs modifiés : service, adresse, ville');
    expect(describeDetail('evaluation.export', 'format=pdf,from=2026-01-01,to=2026-12-31')).toBe(
      'format PDF, du 01/01/2026, au 31/12/2026',
    );
    expect(describeDetail('users.list', 'code=NOT_AUTHENTICATED,count=3,since=2026-03-02T08:30:00.000Z')).toMatch(
      /, 3 fois, depuis le 02\/03\/2026 09:30:00$/,
    );
  });
});
