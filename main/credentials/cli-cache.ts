import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RoleCredentials } from '../../app/domain/credentials';
import type { SsoSession } from '../../app/domain/session';
import { deleteCacheFile, readCacheJson, writeCacheFile } from '../auth/cache-files';
import { pyJsonDumps } from '../auth/py-json';
import { formatCacheTime, parseCacheTime } from '../auth/timestamps';
import { sha1Hex } from '../digest';
import type { Paths } from '../paths';

/**
 * The AWS CLI's own cache of role credentials, `~/.aws/cli/cache` (botocore's JSONFileCache under
 * its SSOCredentialFetcher). Reading and writing it the CLI's way makes one GetRoleCredentials serve
 * both tools: `aws` after `lanyard env`, and `lanyard env` after `aws`.
 */

/** botocore's `CachedCredentialFetcher.DEFAULT_EXPIRY_WINDOW_SECONDS`: less left than this is a miss. */
export const cliCacheWindowMs = 15 * 60_000;

export function cliCacheDir(paths: Paths): string {
  // botocore's `os.path.expanduser('~')`, i.e. $HOME, like every other ~/.aws path.
  return join(paths.home, '.aws', 'cli', 'cache');
}

/**
 * `SSOCredentialFetcher._create_cache_key`: sha1 of the compact, key-sorted JSON of the account, the
 * role and the sso-session name (the start URL for a legacy profile).
 */
export function cliCacheFileName(session: SsoSession, accountId: string, roleName: string): string {
  const args =
    session.kind === 'sso-session'
      ? { roleName, accountId, sessionName: session.name }
      : { roleName, accountId, startUrl: session.startUrl };
  return `${sha1Hex(pyJsonDumps(args, { sortKeys: true, compact: true }))}.json`;
}

/** Credentials the CLI (or Lanyard) cached for the role, when more than 15 minutes remain. */
export async function readCliCache(
  paths: Paths,
  session: SsoSession,
  accountId: string,
  roleName: string,
  now: number,
): Promise<RoleCredentials | undefined> {
  const read = await readCacheJson(cliCacheDir(paths), cliCacheFileName(session, accountId, roleName));
  if (read.kind !== 'ok') return undefined;
  const c = read.data.Credentials as Record<string, unknown> | undefined;
  if (typeof c !== 'object' || c === null) return undefined;
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration, AccountId } = c;
  const expiration = parseCacheTime(Expiration);
  if (
    typeof AccessKeyId !== 'string' ||
    typeof SecretAccessKey !== 'string' ||
    typeof SessionToken !== 'string' ||
    !AccessKeyId ||
    !SecretAccessKey ||
    !SessionToken ||
    expiration === undefined ||
    // Newer botocore records the account; a file that names another one is not this role's.
    (AccountId !== undefined && AccountId !== accountId)
  )
    return undefined;
  if (expiration - now < cliCacheWindowMs) return undefined;
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    sessionToken: SessionToken,
    expiration,
  };
}

/** The file as botocore writes it (Python's json.dumps, whole-second UTC time), 0600, atomically. */
export async function writeCliCache(
  paths: Paths,
  session: SsoSession,
  accountId: string,
  roleName: string,
  creds: RoleCredentials,
): Promise<void> {
  const text = pyJsonDumps({
    ProviderType: 'sso',
    Credentials: {
      AccessKeyId: creds.accessKeyId,
      SecretAccessKey: creds.secretAccessKey,
      SessionToken: creds.sessionToken,
      Expiration: formatCacheTime(creds.expiration),
      AccountId: accountId,
    },
  });
  await writeCacheFile(cliCacheDir(paths), cliCacheFileName(session, accountId, roleName), text);
}

/**
 * What `aws sso logout` does to this folder: every file holding SSO role credentials goes (other
 * providers' files stay). Files that cannot be read as JSON are left alone.
 */
export async function clearCliCache(paths: Paths): Promise<number> {
  const dir = cliCacheDir(paths);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const read = await readCacheJson(dir, name);
    if (read.kind === 'ok' && read.data.ProviderType === 'sso' && (await deleteCacheFile(dir, name)))
      removed += 1;
  }
  return removed;
}
