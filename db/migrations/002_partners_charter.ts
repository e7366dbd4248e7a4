import { DEFAULT_CHARTER_TEXT } from './charter-default-text';
import type { Migration } from './types';

// The partner directory (structures, members), the ethics charter's versions and signatures.
// An adopted charter version is immutable and a draft cannot be signed, whatever the caller.
export const migration002: Migration = {
  version: 2,
  name: 'partners_charter',
  up(db) {
    db.exec(`
      CREATE TABLE structures (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        sector TEXT NOT NULL CHECK (sector IN ('bailleur_social', 'cmp', 'ccas', 'mandataire_judiciaire',
          'centre_moselle_solidarite', 'medecin_generaliste', 'ddcs', 'association_usagers_aidants', 'autre')),
        address TEXT NOT NULL DEFAULT '',
        convention_signed_on TEXT,
        convention_signatory TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((convention_signed_on IS NULL) = (convention_signatory IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX structures_name ON structures(name COLLATE NOCASE);

      CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        structure_id INTEGER NOT NULL REFERENCES structures(id),
        last_name TEXT NOT NULL,
        first_name TEXT NOT NULL,
        function TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL CHECK (category IN ('professionnel_sante', 'travailleur_social', 'mandataire_judiciaire',
          'personnel_bailleur', 'representant_usagers_aidants', 'autre')),
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        membership TEXT NOT NULL CHECK (membership IN ('permanent', 'invited')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX members_structure ON members(structure_id);
      CREATE UNIQUE INDEX members_identity ON members(structure_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE);

      CREATE TABLE charter_versions (
        id INTEGER PRIMARY KEY,
        version INTEGER NOT NULL UNIQUE,
        text TEXT NOT NULL,
        adopted_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- One draft at a time.
      CREATE UNIQUE INDEX charter_versions_one_draft ON charter_versions((adopted_on IS NULL)) WHERE adopted_on IS NULL;
      CREATE TRIGGER charter_versions_adopted_immutable BEFORE UPDATE ON charter_versions WHEN OLD.adopted_on IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'an adopted charter version is immutable'); END;
      CREATE TRIGGER charter_versions_adopted_kept BEFORE DELETE ON charter_versions WHEN OLD.adopted_on IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'an adopted charter version is immutable'); END;

      CREATE TABLE charter_signatures (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        version_id INTEGER NOT NULL REFERENCES charter_versions(id),
        signed_on TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        UNIQUE (member_id, version_id)
      ) STRICT;
      CREATE INDEX charter_signatures_version ON charter_signatures(version_id);
      CREATE TRIGGER charter_signatures_adopted_only BEFORE INSERT ON charter_signatures
      WHEN (SELECT adopted_on FROM charter_versions WHERE id = NEW.version_id) IS NULL
      BEGIN SELECT RAISE(ABORT, 'a draft charter cannot be signed'); END;
    `);
    const now = new Date().toISOString();
    db.prepare('INSERT INTO charter_versions (version, text, created_at, updated_at) VALUES (1, ?, ?, ?)').run(
      DEFAULT_CHARTER_TEXT,
      now,
      now,
    );
  },
};
