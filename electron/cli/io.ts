import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { CliIo, UsageError } from './run';

async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/, 1)[0] ?? '';
}

/** A prompt that does not echo what is typed. */
async function hiddenPrompt(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError('Aucun terminal pour saisir le mot de passe : utilisez --password-stdin.');
  }
  process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

export const processIo: CliIo = {
  readSecret: (prompt, fromStdin) => (fromStdin ? firstLineOfStdin() : hiddenPrompt(prompt)),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
