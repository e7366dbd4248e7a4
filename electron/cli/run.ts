// Headless administration for hospital IT and for tests: `npm run cli -- <command> [options]`.
// It drives the same services as the app. Secrets come from standard input (--password-stdin) or a
// hidden prompt, never from the command line where `ps` and shell history would see them.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { AppError, isAppError } from '../errors';
import { readAnchor } from '../services/audit/anchors';
import { formatAnchor } from '../services/audit/verify';
import { loginSchema, passwordSchema } from '../services/users/schema';
import { Vault } from '../services/vault';
import { ANCHOR_WORDS, verifyTrail } from './audit';
import { backupCommand, countsText, restoreCommand, revocationText, verifyCommand } from './backup';
import { assertKeyCurrent } from './guards';
import { assertDemoFolders, buildDemoYear, DEMO_COORDINATOR } from './demo';
import { reportCommand } from './report';

export interface CliIo {
  /** Reads one secret line: from stdin when `fromStdin`, otherwise by a hidden prompt. */
  readSecret(prompt: string, fromStdin: boolean): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `Usage : npm run cli -- <commande> [options]

Commandes :
  init --data DOSSIER --login IDENTIFIANT --name "NOM AFFICHÉ" [--establishment "NOM"] --password-stdin
      Crée la base chiffrée, le trousseau et le compte de coordination ; affiche la clé de récupération une seule fois.
  unlock-check --data DOSSIER [--login IDENTIFIANT] --password-stdin
      Code 0 si le mot de passe ouvre la base, 1 sinon (avec le message).
  new-recovery-key --data DOSSIER --login IDENTIFIANT --password-stdin
      Remplace la clé de récupération (compte de coordination) ; l’ancienne cesse de fonctionner. Affiche la nouvelle une seule fois.
  rekey --data DOSSIER [--login IDENTIFIANT] --password-stdin
      Change la clé de chiffrement (compte de coordination) : aucune copie antérieure du trousseau n’ouvre plus la base.
      Affiche une seule fois la nouvelle clé de récupération et le mot de passe provisoire de chaque autre compte actif.
  audit-verify --data DOSSIER [--login IDENTIFIANT] [--anchor ANCRE]... [--archive FICHIER]... --password-stdin
      Vérifie le journal d'audit avant d'y rien écrire : protections, événement de création de la base, chaînage,
      points d’archivage scellés ; « audit OK: N events » et la tête de chaîne, ou le premier problème. Chaque ANCRE
      (NOMBRE:EMPREINTE, le dossier d’une sauvegarde ou un compte rendu signé en PDF) doit être prolongée par le
      journal actuel. Chaque point d’archivage doit être prouvé par son archive : celles données par --archive
      (fichier .clsmaudit ou dossier qui en contient) et celles trouvées sur le partage de sauvegarde.
  demo --data DOSSIER_NEUF --out DOSSIER_DOCUMENTS --password-stdin
      Crée une année fictive de la Commission (annuaire, charte, situations, trois séances, comptes rendus signés)
      et écrit tous ses documents et un manifest.json dans DOSSIER_DOCUMENTS. Personnes fictives.
  backup --data DOSSIER --to DOSSIER_DE_SAUVEGARDE --password-stdin
      Sauvegarde chiffrée vérifiée (copie, contrôle d’intégrité, comptes par table, manifeste, trousseau)
      dans DOSSIER_DE_SAUVEGARDE ; affiche son chemin. Mot de passe d’un compte de coordination.
  verify-backup SAUVEGARDE --password-stdin [--recovery-key]
      Vérifie une sauvegarde (dossier ou fichier qu’il contient) : code 0 et les comptes par table, 1 et la raison.
  restore SAUVEGARDE --data DOSSIER --password-stdin [--recovery-key]
      Restaure la sauvegarde dans DOSSIER (neuf ou existant ; l’application doit y être fermée). Ce que
      DOSSIER contenait est gardé dans un sous-dossier « avant-restauration-… ». Une sauvegarde antérieure à un
      changement de clé ou à la désactivation de comptes : ces comptes sont désactivés à nouveau et la clé est
      changée aussitôt (avec un mot de passe) ou doit l’être avant toute autre commande (rekey).
  report --data DOSSIER --year AAAA --out DOSSIER_DE_SORTIE [--login IDENTIFIANT] --password-stdin
      Écrit le bilan annuel de l’année civile AAAA (PDF et Word modifiable) et le CSV de tous les indicateurs
      dans DOSSIER_DE_SORTIE. Effectifs inférieurs à 3 indiqués « < 3 ». Compte de coordination ou d’animation.

Avec --recovery-key, la ligne lue sur l’entrée standard est la clé de récupération de la sauvegarde.

Options communes : --json (sortie JSON), --password-stdin (mot de passe lu sur la première ligne de l'entrée standard).`;

/** A wrong command line: said in French with the usage, exit code 2. */
export class UsageError extends Error {}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Option obligatoire manquante : --${name}`);
  return value;
}

/** An option checked by the same schema as the UI's field, with the same French message. */
function valid<T>(schema: z.ZodType<T>, value: string, option: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`--${option} : ${result.error.issues[0]?.message ?? 'valeur invalide.'}`);
  return result.data;
}

/** A refused field that came from an option is a usage error naming that option. */
function asUsageError(error: unknown, options: Record<string, string>): unknown {
  if (!isAppError(error) || error.code !== 'INVALID_INPUT' || !error.fields) return error;
  const [field, message] = Object.entries(error.fields).find(([name]) => name in options) ?? [];
  return field ? new UsageError(`--${options[field]} : ${message}`) : error;
}

/** The French message, with the delay to wait when the attempt was throttled. */
function describe(error: AppError): string {
  return error.retryAfterMs ? `${error.message} Nouvel essai possible dans ${Math.ceil(error.retryAfterMs / 1000)} s.` : error.message;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  const emit = (ok: boolean, text: string, data: Record<string, unknown> = {}) => {
    if (json) io.out(JSON.stringify({ ok, ...data, message: text }));
    else if (ok) io.out(text);
    else io.err(text);
  };
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        login: { type: 'string' },
        name: { type: 'string' },
        establishment: { type: 'string' },
        out: { type: 'string' },
        to: { type: 'string' },
        year: { type: 'string' },
        anchor: { type: 'string', multiple: true },
        archive: { type: 'string', multiple: true },
        'recovery-key': { type: 'boolean', default: false },
        'password-stdin': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    json = values.json ?? false;
    const command = positionals[0];
    if (values.help || !command) {
      io.out(USAGE);
      return command || values.help ? 0 : 2;
    }
    const fromStdin = values['password-stdin'] ?? false;
    const vault = () => new Vault({ dataDir: resolve(required(values, 'data')) });

    switch (command) {
      case 'init': {
        const target = vault();
        const fields = { login: required(values, 'login'), displayName: required(values, 'name') };
        const password = await io.readSecret('Mot de passe (coordination) : ', fromStdin);
        // The vault applies the set-up screen's own rule; its refusal is said with the option's name.
        const { recoveryKey } = await target
          .initialize({ ...fields, establishmentName: values.establishment ?? 'Centre hospitalier', password })
          .catch((error: unknown) => {
            throw asUsageError(error, { login: 'login', displayName: 'name', establishmentName: 'establishment' });
          });
        if (json) io.out(JSON.stringify({ ok: true, recoveryKey, message: 'Base initialisée.' }));
        else {
          io.out(`Base initialisée dans ${target.dbPath}.`);
          io.out('Clé de récupération — imprimez-la et rangez-la au coffre ; elle ne sera plus jamais affichée :');
          io.out(`  ${recoveryKey}`);
        }
        return 0;
      }
      case 'unlock-check': {
        const target = vault();
        const session = await target.unlock(values.login ?? null, await io.readSecret('Mot de passe : ', fromStdin));
        const notices = [...target.unlockNotices()];
        target.lock('shutdown');
        emit(true, ['Mot de passe valide : la base de données s’ouvre.', ...notices].join('\n'), { login: session.login, notices });
        return 0;
      }
      case 'new-recovery-key': {
        const target = vault();
        const login = valid(loginSchema, required(values, 'login'), 'login');
        const password = await io.readSecret('Mot de passe (coordination) : ', fromStdin);
        const session = await target.unlock(login, password);
        try {
          if (session.role !== 'coordinator') throw new AppError('FORBIDDEN');
          assertKeyCurrent(target);
          const { recoveryKey, slot } = await target.keys.confirm(login, password, (masterKey) => target.keys.newRecoveryKey(masterKey));
          target.keys.storeRecoverySlot(slot);
          target.audit({ userId: session.userId, action: 'recovery.newKey', outcome: 'success', detail: 'via=cli' });
          if (json) io.out(JSON.stringify({ ok: true, recoveryKey, message: 'Nouvelle clé de récupération.' }));
          else {
            io.out(
              'Nouvelle clé de récupération — l’ancienne ne fonctionne plus. Imprimez-la et rangez-la au coffre ; elle ne sera plus affichée :',
            );
            io.out(`  ${recoveryKey}`);
          }
          return 0;
        } finally {
          target.lock('shutdown');
        }
      }
      case 'rekey': {
        const target = vault();
        const password = await io.readSecret('Mot de passe (coordination) : ', fromStdin);
        const session = await target.unlock(values.login ?? null, password);
        try {
          if (session.role !== 'coordinator') throw new AppError('FORBIDDEN');
          const rotation = await target.exclusive(() => target.rotateKey(session.login, password));
          const others = rotation.temporaryPasswords.map(({ login, password: temporary }) => ({ login, password: temporary }));
          if (json)
            io.out(JSON.stringify({ ok: true, recoveryKey: rotation.recoveryKey, temporaryPasswords: others, message: 'Clé changée.' }));
          else {
            io.out('Clé de chiffrement changée : aucune copie antérieure du trousseau n’ouvre plus la base.');
            io.out('Nouvelle clé de récupération — imprimez-la et rangez-la au coffre ; elle ne sera plus affichée :');
            io.out(`  ${rotation.recoveryKey}`);
            io.out(others.length ? 'Mots de passe provisoires (à changer au prochain déverrouillage) :' : 'Aucun autre compte actif.');
            for (const other of others) io.out(`  ${other.login} : ${other.password}`);
          }
          return 0;
        } finally {
          target.lock('shutdown');
        }
      }
      case 'audit-verify': {
        const anchors = (values.anchor ?? []).map(readAnchor);
        const { session, result } = await verifyTrail(
          vault(),
          values.login ?? null,
          await io.readSecret('Mot de passe : ', fromStdin),
          anchors,
          values.archive ?? [],
        );
        const kept = result.anchors.map(
          (a) => `  ancre ${a.count}:${a.hash.slice(0, 12)}… (${a.source ?? 'ligne de commande'}) : ${ANCHOR_WORDS[a.status]}`,
        );
        if (result.ok) {
          const text = [`audit OK: ${result.count} events`, `tête de chaîne : ${formatAnchor(result.head)}`, ...kept].join('\n');
          emit(true, text, { count: result.count, head: formatAnchor(result.head), anchors: result.anchors, login: session.login });
          return 0;
        }
        const where = result.brokenEventId === null ? '' : ` at event ${result.brokenEventId}`;
        emit(false, [`audit BROKEN${where}: ${result.reason}`, ...kept].join('\n'), {
          count: result.count,
          brokenEventId: result.brokenEventId,
          reason: result.reason,
          anchors: result.anchors,
        });
        return 1;
      }
      case 'demo': {
        const dataDir = resolve(required(values, 'data'));
        const outDir = resolve(required(values, 'out'));
        const refused = assertDemoFolders(dataDir, outDir);
        if (refused) throw new UsageError(refused);
        const password = valid(
          passwordSchema,
          await io.readSecret('Mot de passe du compte de coordination de démonstration : ', fromStdin),
          'password-stdin',
        );
        const { manifest, recoveryKey } = await buildDemoYear({ dataDir, outDir, password });
        emit(
          true,
          `Année de démonstration créée : ${manifest.persons.length} situations, ${manifest.documents.length} documents dans ${outDir}. ` +
            `Identifiant : ${DEMO_COORDINATOR.login}. Clé de récupération : ${recoveryKey}`,
          { documents: manifest.documents.length, login: DEMO_COORDINATOR.login, recoveryKey },
        );
        return 0;
      }
      case 'backup': {
        const password = await io.readSecret('Mot de passe (coordination) : ', fromStdin);
        const summary = await backupCommand(resolve(required(values, 'data')), required(values, 'to'), password);
        emit(true, summary.path, { path: summary.path, bytes: summary.bytes, removed: summary.removed });
        return 0;
      }
      case 'verify-backup':
      case 'restore': {
        const target = positionals[1];
        if (!target) throw new UsageError('Indiquez la sauvegarde (son dossier ou un fichier qu’il contient).');
        const secretLine = await io.readSecret(values['recovery-key'] ? 'Clé de récupération : ' : 'Mot de passe : ', fromStdin);
        const secret = values['recovery-key'] ? { recoveryKey: secretLine } : { password: secretLine };
        if (command === 'verify-backup') {
          const verified = await verifyCommand(target, secret);
          emit(
            true,
            `Sauvegarde valide (${verified.manifest.createdAt}, schéma ${verified.manifest.schemaVersion}, ` +
              `${verified.auditEvents} événements d’audit vérifiés).\n${countsText(verified.counts)}`,
            { counts: verified.counts, auditEvents: verified.auditEvents, createdAt: verified.manifest.createdAt },
          );
          return 0;
        }
        const restored = await restoreCommand(target, required(values, 'data'), secret);
        emit(
          true,
          [
            `Sauvegarde du ${restored.backup.manifest.createdAt} restaurée dans ${resolve(required(values, 'data'))}` +
              (restored.safetyCopy ? ` ; copie de sécurité de l’ancienne base : ${restored.safetyCopy}` : '') +
              ` (${restored.auditEvents} événements d’audit vérifiés).`,
            ...revocationText(restored),
          ].join('\n'),
          {
            safetyCopy: restored.safetyCopy,
            auditEvents: restored.auditEvents,
            revocation: restored.revocation,
            ...(restored.rotation
              ? {
                  recoveryKey: restored.rotation.recoveryKey,
                  temporaryPasswords: restored.rotation.temporaryPasswords.map(({ login, password }) => ({ login, password })),
                }
              : {}),
          },
        );
        return 0;
      }
      case 'report': {
        const yearText = required(values, 'year');
        if (!/^\d{4}$/.test(yearText)) throw new UsageError('--year : indiquez une année sur quatre chiffres (par exemple 2026).');
        const written = await reportCommand({
          dataDir: required(values, 'data'),
          year: Number(yearText),
          outDir: required(values, 'out'),
          login: values.login ?? null,
          password: await io.readSecret('Mot de passe : ', fromStdin),
        });
        emit(true, written.join('\n'), { files: written });
        return 0;
      }
      default:
        throw new UsageError(`Commande inconnue : ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      emit(false, `${(error as Error).message}\n\n${USAGE}`, { code: 'USAGE' });
      return 2;
    }
    if (isAppError(error)) {
      emit(false, describe(error), { code: error.code, ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}) });
      return 1;
    }
    throw error;
  }
}
