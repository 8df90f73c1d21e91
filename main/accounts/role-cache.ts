import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Account, RoleEntry } from '../../app/domain/accounts';
import { safeText } from '../../app/text/safe-text';
import type { SsoSession } from '../../app/domain/session';
import type { Paths } from '../paths';
import { sha1Hex } from '../digest';
import { writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log/logger';
import { sortRoles } from '../../app/domain/role-order';

const log = createLogger('accounts.cache');

/** On disk, accounts carry their role names: a third of the size of a flat RoleEntry list. */
type CacheFile = {
  version: 1;
  sessionName: string;
  startUrl: string;
  updatedAt: string;
  accounts: Array<Account & { roles: string[] }>;
  /**
   * True when the writer stored accounts and their roles in the one order (app/domain/role-order),
   * so reading needs no sort (and no collator): most CLI runs read this file and nothing else.
   * Older files lack it and are sorted on read.
   */
  sorted?: true;
};

const isString = (x: unknown): x is string => typeof x === 'string';

/**
 * Checked by hand rather than with zod: this file is read on every `lanyard roles`, and loading zod
 * alone costs 50–100 ms of a CLI start whose whole budget is 200 ms.
 */
function parseCacheFile(data: unknown): CacheFile | undefined {
  const d = data as Partial<Record<keyof CacheFile, unknown>> | null;
  if (!d || typeof d !== 'object' || d.version !== 1) return undefined;
  if (
    !isString(d.sessionName) ||
    !isString(d.startUrl) ||
    !isString(d.updatedAt) ||
    !Array.isArray(d.accounts)
  )
    return undefined;
  for (const a of d.accounts as unknown[]) {
    const x = a as Record<string, unknown> | null;
    if (!x || !isString(x.accountId) || !isString(x.accountName) || !isString(x.emailAddress))
      return undefined;
    if (!Array.isArray(x.roles) || !x.roles.every(isString)) return undefined;
  }
  return d as CacheFile;
}

export type CachedRoles = {
  roles: RoleEntry[];
  accounts: Account[];
  /** When the listing finished, epoch ms. */
  updatedAt: number;
};

/** `<dataDir>/roles/<sha1 of the session name>.json`: names may hold any character, file names may not. */
export function roleCacheFile(paths: Paths, sessionName: string): string {
  const id = sha1Hex(sessionName);
  return join(paths.dataDir, 'roles', `${id}.json`);
}

/** The cached listing, or undefined when there is none, it is unreadable, or it belongs to another start URL. */
export async function readRoleCache(paths: Paths, session: SsoSession): Promise<CachedRoles | undefined> {
  const file = roleCacheFile(paths, session.name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let parsed: CacheFile | undefined;
  try {
    parsed = parseCacheFile(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (!parsed) {
    log.warn('ignoring an unreadable role cache', { file });
    return undefined;
  }
  if (parsed.sessionName !== session.name || parsed.startUrl !== session.startUrl) return undefined;
  const accounts: Account[] = [];
  const roles: RoleEntry[] = [];
  for (const a of parsed.accounts) {
    // A cache written before names were made safe (or edited by hand) gets the same treatment.
    const account: Account = {
      accountId: safeText(a.accountId),
      accountName: safeText(a.accountName),
      emailAddress: safeText(a.emailAddress),
    };
    accounts.push(account);
    for (const roleName of a.roles)
      roles.push({
        sessionName: session.name,
        accountId: account.accountId,
        accountName: account.accountName,
        emailAddress: account.emailAddress,
        roleName: safeText(roleName),
      });
  }
  return {
    accounts,
    roles: parsed.sorted === true ? roles : sortRoles(roles),
    updatedAt: Date.parse(parsed.updatedAt),
  };
}

export async function writeRoleCache(
  paths: Paths,
  session: SsoSession,
  accounts: Account[],
  roles: RoleEntry[],
  now = Date.now(),
): Promise<void> {
  // Accounts in the order their roles first appear in the sorted list (so by name, then id), each
  // with its roles in order: read back flat, that is the one order again. Accounts without roles last.
  const sorted = sortRoles([...roles]);
  const byAccount = new Map<string, string[]>();
  for (const r of sorted) {
    const names = byAccount.get(r.accountId);
    if (names) names.push(r.roleName);
    else byAccount.set(r.accountId, [r.roleName]);
  }
  const known = new Map(accounts.map((a) => [a.accountId, a]));
  const ordered = [
    ...[...byAccount.keys()].flatMap((id) => known.get(id) ?? []),
    ...accounts.filter((a) => !byAccount.has(a.accountId)),
  ];
  const data: CacheFile = {
    version: 1,
    sessionName: session.name,
    startUrl: session.startUrl,
    updatedAt: new Date(now).toISOString(),
    accounts: ordered.map((a) => ({ ...a, roles: byAccount.get(a.accountId) ?? [] })),
    sorted: true,
  };
  const file = roleCacheFile(paths, session.name);
  await mkdir(join(paths.dataDir, 'roles'), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify(data)}\n`, { mode: 0o600 });
}
