import type { Migration } from './types';

// The partner directory (structures, members), the ethics charter's versions and signatures.
// An adopted charter version is immutable and a draft cannot be signed, whatever the caller.
export const migration002: Migration = {
  version: 2,
  name: 'partners_charter',
  up(db, { now }) {
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
    db.prepare('INSERT INTO charter_versions (version, text, created_at, updated_at) VALUES (1, ?, ?, ?)').run(CHARTER_V1_DRAFT, now, now);
  },
};

// Frozen with the migration: this is the draft every database created at schema 2 received. The
// coordinator edits it in the app; changing it here would make two databases at the same schema
// differ. The charter the app proposes for a new version is the one in force, not this text.
export const CHARTER_V1_DRAFT = `Charte éthique et déontologique de la Commission de réflexion et d’aide pour des personnes en difficulté psychosociale

Préambule
La Commission réunit, dans le cadre du Conseil local de santé mentale du territoire messin, des professionnels de secteurs différents — santé, social, logement, protection juridique — et des représentants d’usagers et d’aidants. Elle analyse ensemble la situation d’une personne dont les difficultés sociales, médicales, économiques et parfois juridiques sont si enchevêtrées qu’aucun acteur ne peut l’aider seul. Chaque membre signe la présente charte avant de participer à une séance ; il la signe à nouveau à chaque nouvelle version.

Article 1 — La personne reste maître de ses décisions
La Commission formule des propositions ; elle ne décide pas à la place de la personne. Les propositions lui sont restituées et son accord est recueilli avant toute action. Elle peut, si elle le souhaite, être présente ou représentée lors de l’examen de sa situation.

Article 2 — Consentement préalable
Aucune situation n’est présentée sans le consentement préalable, libre et éclairé de la personne, ou de son représentant légal lorsqu’elle bénéficie d’une mesure de protection. La personne est informée des catégories d’informations partagées, des professionnels qui en auront connaissance, des supports utilisés et des mesures de sécurité. Elle peut retirer son consentement à tout moment : sa situation est alors retirée de l’ordre du jour.

Article 3 — Secret professionnel et secret partagé
Chaque membre reste tenu au secret professionnel ou à l’obligation de discrétion qui s’attache à sa fonction. Le partage d’informations se limite à ce que la personne a accepté, entre les professionnels qu’elle a autorisés. Un membre dont la catégorie professionnelle ou la structure n’a pas été acceptée par la personne quitte la séance pendant l’examen de sa situation.

Article 4 — Informations strictement nécessaires
Seules sont échangées les informations strictement nécessaires à la compréhension de la situation et à l’élaboration des réponses. Aucun diagnostic médical n’est communiqué. Les documents de séance désignent la personne par un code et non par son nom.

Article 5 — Respect mutuel et absence de hiérarchie
Les membres se reconnaissent des compétences différentes et complémentaires. Aucune institution n’impose sa présence, son analyse ou ses décisions aux autres. Chaque membre s’engage au nom de la structure qu’il représente, dans la limite de ses missions.

Article 6 — Usage des comptes rendus
Les comptes rendus et leurs extraits sont destinés aux seuls membres habilités. Ils ne sont ni diffusés ni reproduits en dehors de la Commission, et ne sont conservés que le temps nécessaire au suivi des actions.

Article 7 — Durée des engagements
Les obligations de secret et de discrétion demeurent après la fin de la participation du membre à la Commission, quelle qu’en soit la cause.

Article 8 — Respect de la charte
Le coordinateur et l’animateur de séance veillent au respect de la présente charte. Tout manquement est signalé au comité de pilotage du Conseil local de santé mentale.`;
