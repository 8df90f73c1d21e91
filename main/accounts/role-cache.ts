import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Account, RoleEntry } from '../../app/domain/accounts';
import type { SsoSession } from '../../app/domain/session';
import type { Paths } from '../paths';
import { writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log/logger';
import { sortRoles } from './lister';

const log = createLogger('accounts.cache');

/** On disk, accounts carry their role names: a third of the size of a flat RoleEntry list. */
const fileSchema = z.object({
  version: z.literal(1),
  sessionName: z.string(),
  startUrl: z.string(),
  updatedAt: z.string(),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      accountName: z.string(),
      emailAddress: z.string(),
      roles: z.array(z.string()),
    }),
  ),
});

export type CachedRoles = {
  roles: RoleEntry[];
  accounts: Account[];
  /** When the listing finished, epoch ms. */
  updatedAt: number;
};

/** `<dataDir>/roles/<sha1 of the session name>.json`: names may hold any character, file names may not. */
export function roleCacheFile(paths: Paths, sessionName: string): string {
  const id = createHash('sha1').update(sessionName, 'utf8').digest('hex');
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
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch (e) {
    log.warn('ignoring an unreadable role cache', { file, message: (e as Error).message.slice(0, 200) });
    return undefined;
  }
  if (parsed.sessionName !== session.name || parsed.startUrl !== session.startUrl) return undefined;
  const accounts: Account[] = [];
  const roles: RoleEntry[] = [];
  for (const { roles: names, ...account } of parsed.accounts) {
    accounts.push(account);
    for (const roleName of names) roles.push({ sessionName: session.name, ...account, roleName });
  }
  return { accounts, roles: sortRoles(roles), updatedAt: Date.parse(parsed.updatedAt) };
}

export async function writeRoleCache(
  paths: Paths,
  session: SsoSession,
  accounts: Account[],
  roles: RoleEntry[],
  now = Date.now(),
): Promise<void> {
  const byAccount = new Map<string, string[]>(accounts.map((a) => [a.accountId, []]));
  for (const r of roles) byAccount.get(r.accountId)?.push(r.roleName);
  const data: z.infer<typeof fileSchema> = {
    version: 1,
    sessionName: session.name,
    startUrl: session.startUrl,
    updatedAt: new Date(now).toISOString(),
    accounts: accounts.map((a) => ({ ...a, roles: byAccount.get(a.accountId) ?? [] })),
  };
  const file = roleCacheFile(paths, session.name);
  await mkdir(join(paths.dataDir, 'roles'), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify(data)}\n`, { mode: 0o600 });
}
