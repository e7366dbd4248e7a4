// The demo year, built by the admin CLI through the app's services, then read as a DPO would: every
// document's extracted text is searched for every person's name, which may appear only in the
// documents the manifest allows to carry it; the signed minutes are checked with pdfsig.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoManifest } from '../../electron/cli/demo';
import { CliIo, runCli } from '../../electron/cli/run';
import { describeDetail } from '../../electron/services/audit/describe-detail';
import { Vault } from '../../electron/services/vault';
import { docxText } from '../helpers/docx';
import { pdfSignatures, pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/vault';

const PASSWORD = 'Mirabelle-Metz-2026!';
const KINDS = [
  'convocation',
  'ordre_du_jour',
  'emargement',
  'compte_rendu',
  'extrait',
  'attestation_participation',
  'courrier_personne',
  'information_consentement',
  'fiche_saisine',
  'attestation_formation',
  'questionnaire_formation',
  'bilan_annuel',
  'charte',
  'acte_engagement',
  'fiche_saisine_vierge',
  'rapport_acces',
  'calendrier',
  'fiche_recuperation',
  'courriel_convocation',
  'convocation_instance',
  'emargement_instance',
  'compte_rendu_instance',
  'courriel_convocation_instance',
  'courriel_extrait',
];

/**
 * Surnames of the real people named in the source documents (seeds 000 and 003): the demo is
 * fictitious and must never cast one of them, even as someone else.
 */
const REAL_SURNAMES = [
  'Tinnes',
  'Kraemer',
  'Astier',
  'Mergen',
  'Teutsch',
  'Poinsignon',
  'Laik',
  'Ravenel',
  'Bourdeaux',
  'Garbaya',
  'Himer',
  'Schléret',
  'Ceccato',
  'Clesse',
  'Gardou',
  'Charissou',
];

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readSecret: () => Promise.resolve(PASSWORD), out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A draft as its recipient reads it: the message, then each attachment it can open (an encrypted one cannot). */
async function draftText(eml: Buffer): Promise<string> {
  const mail = await simpleParser(eml);
  const parts = mail.attachments.map((a) =>
    a.contentType === 'text/calendar' ? a.content.toString('utf8') : isEncrypted(a.content) ? '' : pdfText(a.content),
  );
  return [mail.subject, mail.text, ...parts].join('\n');
}

const isEncrypted = (pdf: Buffer) => pdf.toString('latin1').includes('/Encrypt');

let dataDir: string;
let outDir: string;
let manifest: DemoManifest;
const texts = new Map<string, string>();

// The year is built once for every check below: a folder of its own, kept until the last one.
let root: string;
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clsm-demo-'));
  dataDir = join(root, 'data');
  outDir = join(root, 'documents');
  const { io, out, err } = fakeIo();
  expect(await runCli(['demo', '--data', dataDir, '--out', outDir, '--password-stdin'], io), err.join('\n')).toBe(0);
  expect(out.join('\n')).toMatch(/Année de démonstration créée : 12 situations, \d+ documents/);
  manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as DemoManifest;
  for (const d of manifest.documents) {
    const bytes = readFileSync(join(outDir, d.file));
    const text = d.file.endsWith('.eml')
      ? await draftText(bytes)
      : d.file.endsWith('.docx')
        ? await docxText(bytes)
        : d.file.endsWith('.csv') || d.file.endsWith('.ics')
          ? bytes.toString('utf8')
          : pdfText(bytes);
    texts.set(d.file, flat(text));
  }
}, 180_000);

describe('the demo year', () => {
  it('keeps a journal the DPO reads in words: no raw token in any detail, times in the order of the chain', async () => {
    const vault = new Vault({ dataDir });
    await vault.unlock('f.hoerner', PASSWORD);
    try {
      const events = vault.database().prepare('SELECT action, detail, at FROM audit_events ORDER BY id').all() as {
        action: string;
        detail: string | null;
        at: string;
      }[];
      expect(events.length).toBeGreaterThan(500);
      for (const e of events) expect(describeDetail(e.action, e.detail), `${e.action}: ${e.detail}`).not.toMatch(/[a-z_]+=|\bG\d+:/);
      const times = events.map((e) => e.at);
      expect(times).toEqual([...times].sort());
    } finally {
      vault.lock('shutdown');
    }
  });

  it('holds the directory, the charter, three signed meetings and situations in varied states', async () => {
    const vault = new Vault({ dataDir });
    await vault.unlock('f.hoerner', PASSWORD);
    try {
      const db = vault.database();
      const count = (sql: string) => db.prepare(sql).pluck().get() as number;
      expect(count('SELECT count(*) FROM structures WHERE convention_signed_on IS NOT NULL')).toBeGreaterThanOrEqual(12);
      expect(count('SELECT count(*) FROM members')).toBe(25);
      expect(count('SELECT count(DISTINCT member_id) FROM charter_signatures')).toBe(25);
      expect(count(`SELECT count(*) FROM meetings WHERE state = 'minutes_signed'`)).toBe(3);
      expect(count(`SELECT count(*) FROM minutes_documents WHERE kind = 'addendum'`)).toBe(1);
      expect(count('SELECT count(*) FROM situations')).toBeGreaterThanOrEqual(10);
      expect(count(`SELECT count(*) FROM consents WHERE withdrawn_on IS NOT NULL`)).toBe(1);
      expect(count(`SELECT count(*) FROM situations WHERE closure_reason = 'consent_withdrawn'`)).toBe(1);
      expect(count(`SELECT count(*) FROM consents WHERE json_array_length(excluded_structures) > 0`)).toBeGreaterThanOrEqual(1);
      expect(count(`SELECT count(*) FROM consents WHERE legal_protection = 'tutelle'`)).toBe(1);
      expect(count(`SELECT count(*) FROM item_exits`)).toBeGreaterThanOrEqual(1);
      // Re-examined: one situation deliberated at two meetings.
      expect(
        count(
          `SELECT count(*) FROM (SELECT situation_id FROM agenda_items WHERE status = 'deliberated' GROUP BY situation_id HAVING count(*) = 2)`,
        ),
      ).toBe(1);
      const states = db.prepare('SELECT DISTINCT state FROM situations').pluck().all();
      expect(states).toEqual(expect.arrayContaining(['rejected', 'awaiting_consent', 'ready', 'follow_up', 'closed']));
      // A year a steering committee can read: the person's presence, the actions and their outcomes vary,
      // hypotheses are written, and a closed situation keeps no open action.
      expect(count('SELECT count(DISTINCT person_presence) FROM agenda_items WHERE person_presence IS NOT NULL')).toBe(3);
      expect(count(`SELECT count(*) FROM deliberations WHERE hypotheses <> ''`)).toBeGreaterThanOrEqual(3);
      expect(count('SELECT count(DISTINCT what) FROM actions')).toBeGreaterThanOrEqual(3);
      expect(count('SELECT count(DISTINCT outcome) FROM actions WHERE outcome IS NOT NULL')).toBe(3);
      expect(
        count(
          `SELECT count(*) FROM actions a JOIN agenda_items i ON i.id = a.item_id JOIN situations s ON s.id = i.situation_id
           WHERE s.state = 'closed' AND a.outcome IS NULL`,
        ),
      ).toBe(0);
      expect(count(`SELECT count(*) FROM actions WHERE person_wording <> '' AND person_wording <> what`)).toBeGreaterThanOrEqual(2);
    } finally {
      vault.lock('shutdown');
    }
  });

  it('casts no real person of the source documents, in its data or in any document', () => {
    const data =
      readFileSync(join(__dirname, '../../electron/cli/demo-data.ts'), 'utf8') +
      readFileSync(join(__dirname, '../../electron/cli/demo.ts'), 'utf8');
    for (const name of REAL_SURNAMES) {
      const pattern = new RegExp(`\\b${name}\\b`, 'i');
      expect(data, name).not.toMatch(pattern);
      for (const [file, text] of texts) expect(text, `${file}: ${name}`).not.toMatch(pattern);
    }
  });

  it('writes every kind of document, each listed in the manifest', () => {
    expect(manifest.persons).toHaveLength(12);
    expect([...new Set(manifest.documents.map((d) => d.kind))].sort()).toEqual([...KINDS].sort());
    for (const d of manifest.documents) expect(d.file).not.toMatch(/[A-Z][a-zé]+-[A-Z]/); // no person's name in a file name
  });

  it('writes the convocations of its first meeting as e-mail drafts, and one extract encrypted', async () => {
    const drafts = manifest.documents.filter((d) => d.kind === 'courriel_convocation');
    // Two volunteers have no address: their convocation is printed.
    expect(drafts.length).toBeGreaterThan(5);
    for (const d of drafts) {
      expect(d.file).toMatch(/^courriels\/convocations-2026-\d\d-\d\d\/convocation-.+\.eml$/);
      expect(texts.get(d.file)).toContain('Commission de réflexion et d’aide');
    }
    const [extract] = manifest.documents.filter((d) => d.kind === 'courriel_extrait');
    const mail = await simpleParser(readFileSync(join(outDir, extract!.file)));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(isEncrypted(mail.attachments[0]!.content)).toBe(true);
    expect(extract!.situations.length).toBeGreaterThan(0);
  });

  it('names a person only in the documents allowed to carry it, never in the meeting documents or the full minutes', () => {
    for (const person of manifest.persons) {
      const lastName = person.name.split(' ').slice(1).join(' ');
      const forbidden = new RegExp(lastName.replace(/[-]/g, '\\-'), 'i');
      for (const d of manifest.documents) {
        const text = texts.get(d.file)!;
        if (!d.situations.includes(person.situation)) expect(text, `${d.file} names ${person.situation}`).not.toMatch(forbidden);
      }
    }
    for (const d of manifest.documents.filter((x) =>
      ['convocation', 'ordre_du_jour', 'emargement', 'compte_rendu', 'attestation_participation'].includes(x.kind),
    ))
      expect(d.situations, d.file).toEqual([]);
    // The check is not vacuous: the letters and the extracts that may name people do.
    const letters = manifest.documents.filter((d) => d.kind === 'courrier_personne');
    expect(letters.length).toBeGreaterThanOrEqual(8);
    for (const letter of letters) {
      const person = manifest.persons.find((p) => p.situation === letter.situations[0])!;
      expect(texts.get(letter.file)!.toLowerCase()).toContain(person.name.split(' ').slice(1).join(' ').toLowerCase());
    }
    expect(manifest.documents.some((d) => d.kind === 'extrait' && d.situations.length > 0)).toBe(true);
  });

  it('adds a year of cross-training, attests it, and writes the annual report with no name and no count below 3', async () => {
    const vault = new Vault({ dataDir });
    await vault.unlock('f.hoerner', PASSWORD);
    try {
      const db = vault.database();
      const count = (sql: string) => db.prepare(sql).pluck().get() as number;
      expect(count(`SELECT count(*) FROM training_sessions WHERE kind = 'workshop'`)).toBe(5);
      expect(count(`SELECT count(*) FROM training_sessions WHERE kind = 'placement' AND status = 'held'`)).toBe(2);
      expect(count('SELECT count(*) FROM training_participants')).toBe(34);
      expect(count('SELECT count(*) FROM training_questionnaires')).toBe(27);
      // Six meetings recorded as held, and the comité de pilotage and plenary run in full.
      expect(count(`SELECT count(*) FROM clsm_meetings WHERE status = 'held'`)).toBe(8);
      expect(count(`SELECT count(*) FROM clsm_minutes_documents`)).toBe(2);
      expect(count(`SELECT count(*) FROM clsm_plan_actions`)).toBe(12);
      expect(count('SELECT count(*) FROM common_tools')).toBe(4);
    } finally {
      vault.lock('shutdown');
    }
    const reports = manifest.documents.filter((d) => d.kind === 'bilan_annuel').map((d) => d.file);
    expect(reports.sort()).toEqual(['bilan-annuel-2026.docx', 'bilan-annuel-2026.pdf', 'indicateurs-2026.csv']);
    const pdf = texts.get('bilan-annuel-2026.pdf')!.replace(/<3\b/g, '< 3');
    expect(pdf).toContain('Bilan annuel 2026');
    expect(pdf).toMatch(/Ateliers croisés prévus 5 0 Tableau de suivi Ateliers croisés réalisés 3 0/);
    // Workshops, placements and meetings are activity: shown as counted, even below 3.
    expect(pdf).toMatch(/Stages croisés prévus 3 0 Tableau de suivi Stages croisés réalisés 2 0/);
    expect(pdf).toMatch(/Réunions de la commission 3 0/);
    expect(texts.get('bilan-annuel-2026.docx')).toContain('Ateliers croisés prévus 5 0 Tableau de suivi');
    expect(texts.get('indicateurs-2026.csv')).toContain('Stages croisés réalisés;;effectif;Tableau de suivi;2;0');
    const { DEMO_MEMBERS } = await import('../../electron/cli/demo-data');
    for (const file of reports)
      for (const m of DEMO_MEMBERS) expect(texts.get(file), `${file} names ${m.lastName}`).not.toMatch(new RegExp(`\\b${m.lastName}\\b`));
    const attestations = manifest.documents.filter((d) => d.kind === 'attestation_formation');
    expect(attestations.length).toBe(3 + 2 + 2);
    const karim = texts.get('attestation-formation-2026-04-13-karim-benali.pdf')!;
    expect(karim).toContain('ATTESTATION DE FORMATION');
    // The coordinator recorded « Madame »: the attestation agrees with it, and says where it was made.
    expect(karim).toContain('Je soussignée, Françoise Hœrner, coordinatrice du Conseil local de santé mentale');
    expect(karim).toMatch(/Fait à Metz, le \d\d\/\d\d\/2026\./);
    expect(karim).toMatch(
      /Karim Benali \(Vivest\) a effectué un stage croisé « Une semaine au CMP » du lundi 13 avril 2026 au vendredi 17 avril 2026, auprès du CMP de Metz-Queuleu, d’une durée de 35 heures/,
    );
    expect(texts.get('questionnaire-formation-2026-02-19.pdf')).toContain('Ce questionnaire est anonyme');
  });

  it('leaves out of an extract the item of a person who excluded the recipient’s structure', () => {
    const haddad = manifest.persons.find((p) => p.name.endsWith('HADDAD'))!;
    const vivest = texts.get('extrait-compte-rendu-2026-03-12-karim-benali.pdf')!;
    expect(vivest).not.toContain(haddad.situation);
    expect(vivest).toMatch(/(1 point ne vous concerne pas|\d+ points ne vous concernent pas)\./);
    expect(texts.get('extrait-compte-rendu-2026-03-12-anne-klein.pdf')).toContain(haddad.situation);
  });

  it('signs the minutes (coordinator and animateur) and the addendum with valid PAdES signatures', () => {
    const signed = manifest.documents.filter((d) => d.kind === 'compte_rendu');
    expect(signed).toHaveLength(4);
    for (const d of signed) {
      const report = pdfSignatures(readFileSync(join(outDir, d.file)));
      const verdicts = [...report.matchAll(/Signature Validation: (.+)/g)].map((m) => m[1]!.trim());
      expect(verdicts.length, d.file).toBeGreaterThanOrEqual(1);
      expect(new Set(verdicts), d.file).toEqual(new Set(['Signature is Valid.']));
      expect(report).toContain('Signer Certificate Common Name: Françoise Hœrner');
    }
    const minutes = pdfSignatures(readFileSync(join(outDir, 'compte-rendu-signe-2026-03-12.pdf')));
    expect(minutes).toContain('Signer Certificate Common Name: Stéphane Kessler-Lentz');
  });

  it('runs a comité de pilotage and a plenary: convened, signed by the coordination, and the action plan in the report', () => {
    const minutes = manifest.documents.filter((d) => d.kind === 'compte_rendu_instance').map((d) => d.file);
    expect(minutes.sort()).toEqual([
      'compte-rendu-signe-assemblee-pleniere-2026-11-19.pdf',
      'compte-rendu-signe-comite-pilotage-2026-01-29.pdf',
    ]);
    for (const file of minutes) {
      const report = pdfSignatures(readFileSync(join(outDir, file)));
      expect(report, file).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Signer Certificate Common Name: Françoise Hœrner');
      const text = texts.get(file)!.replace(/\s+/g, ' ');
      for (const heading of [
        'TYPE DE RÉUNION',
        'Voir la feuille d’émargement.',
        '1. OUVERTURE DE LA RÉUNION',
        'POINTS DISCUTÉS',
        'DOCUMENTS JOINTS',
      ])
        expect(text, `${file}: ${heading}`).toContain(heading);
    }
    // The comité de pilotage adopted the twelve actions of the plan: its minutes list them.
    expect(texts.get('compte-rendu-signe-comite-pilotage-2026-01-29.pdf')!.match(/\(décidée\)/g)).toHaveLength(12);
    expect(texts.get('compte-rendu-signe-assemblee-pleniere-2026-11-19.pdf')).toContain('Pistes retenues');
    expect(texts.get('feuille-emargement-comite-pilotage-2026-01-29.pdf')).toContain('Claire Vogel');
    const drafts = manifest.documents.filter((d) => d.kind === 'courriel_convocation_instance');
    expect(drafts.length).toBeGreaterThan(5);
    for (const d of drafts)
      expect(d.file).toMatch(/^courriels\/convocations-(comite-pilotage|assemblee-pleniere)-2026-\d\d-\d\d\/convocation-.+\.eml$/);
    // Ten actions due in 2026, seven of them done by the end of the year.
    const pdf = texts.get('bilan-annuel-2026.pdf')!.replace(/\s+/g, ' ');
    expect(pdf).toMatch(/Actions réalisées par rapport au prévisionnel 70 %/);
  });

  it('refuses to build into a folder that is not new', async () => {
    const { io, err } = fakeIo();
    expect(await runCli(['demo', '--data', dataDir, '--out', join(tempDir(), 'autre'), '--password-stdin'], io)).toBe(2);
    expect(err.join('\n')).toContain('n’est pas vide : la démonstration se crée dans un dossier neuf.');
  });
});

describe('the pages as printed', () => {
  it('renders a letter, the signed minutes, a convocation and an attestation to images to look at (tests/artifacts/documents)', () => {
    const target = join(__dirname, '../artifacts/documents');
    mkdirSync(target, { recursive: true });
    for (const kind of ['courrier_personne', 'compte_rendu', 'convocation', 'attestation_formation'] as const) {
      const d = manifest.documents.find((x) => x.kind === kind && x.file.endsWith('.pdf'))!;
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', join(outDir, d.file), join(target, kind)]);
      expect(readdirSync(target).filter((f) => f.startsWith(kind) && f.endsWith('.png')).length, kind).toBeGreaterThan(0);
    }
  });
});
