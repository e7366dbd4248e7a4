import type { Migration } from './types';

// Users of the application, settings, and the hash-chained audit trail.
// The audit table refuses UPDATE and DELETE at the database level, whatever the caller.
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('coordinator', 'animateur', 'secretariat')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        disabled_at TEXT
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        action TEXT NOT NULL,
        object_type TEXT,
        object_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'refused', 'failure')),
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_events_at ON audit_events(at);
      CREATE INDEX audit_events_user ON audit_events(user_id);
      CREATE INDEX audit_events_object ON audit_events(object_type, object_id);

      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
    `);
  },
};
