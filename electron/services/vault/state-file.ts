// A small JSON file beside the database that must survive restarts while the trail is locked (the
// unlock throttle, the refusals still to record). It holds codes and counts only. A damaged or
// emptied file is never trusted nor fatal: it reads as the initial state and says it was damaged,
// so the caller can record that in the trail.
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { writeFileAtomic } from '../../../db/files';

export class StateFile<T> {
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly initial: () => T,
  ) {}

  /** The state on disk; `damaged` when the file exists but is not a valid state. */
  read(): { state: T; damaged: boolean } {
    if (!existsSync(this.path)) return { state: this.initial(), damaged: false };
    const parsed = this.schema.safeParse(parseJsonOrNull(readFileSync(this.path, 'utf8')));
    return parsed.success ? { state: parsed.data, damaged: false } : { state: this.initial(), damaged: true };
  }

  write(state: T): void {
    writeFileAtomic(this.path, JSON.stringify(state));
  }

  exists(): boolean {
    return existsSync(this.path);
  }
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null; // damaged file: the schema refuses null and the caller resets it
  }
}
