import type { SsoSession } from '../../app/domain/session';
import type { Paths } from '../paths';
import { registerSecret } from '../log/redact';
import { deleteCacheFile, readCacheJson, writeCacheFile } from './cache-files';
import { tokenFileName } from './cache-names';
import { pyJsonDumps } from './py-json';
import { formatCacheTime, parseCacheTime } from './timestamps';

/** A token file as the AWS CLI writes it (doc §3.2), times parsed to epoch milliseconds. */
export type CachedToken = {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: number;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: number;
  /** The text as found, so a refresh copies it verbatim, as botocore does. */
  registrationExpiresAtText?: string;
  refreshToken?: string;
};

export type TokenRead =
  | { kind: 'missing'; file: string }
  | { kind: 'ok'; file: string; token: CachedToken }
  | { kind: 'invalid'; file: string; reason: string };

function optString(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Parses a token object from any writer (CLI, botocore, JS SDK); explains what is wrong otherwise. */
export function parseToken(data: Record<string, unknown>): { token: CachedToken } | { reason: string } {
  const accessToken = optString(data, 'accessToken');
  if (!accessToken) return { reason: 'has no accessToken' };
  if (data.expiresAt === undefined) return { reason: 'has no expiresAt' };
  const expiresAt = parseCacheTime(data.expiresAt);
  if (expiresAt === undefined)
    return { reason: `has an unreadable expiresAt (${JSON.stringify(data.expiresAt)})` };
  const regText = optString(data, 'registrationExpiresAt');
  const token: CachedToken = {
    startUrl: optString(data, 'startUrl') ?? '',
    region: optString(data, 'region') ?? '',
    accessToken,
    expiresAt,
    clientId: optString(data, 'clientId'),
    clientSecret: optString(data, 'clientSecret'),
    registrationExpiresAt: parseCacheTime(regText),
    registrationExpiresAtText: regText,
    refreshToken: optString(data, 'refreshToken'),
  };
  registerSecret(token.accessToken);
  registerSecret(token.refreshToken);
  registerSecret(token.clientSecret);
  return { token };
}

/** Re-read on every use: the AWS CLI or an SDK may have rewritten it since. */
export async function readTokenFile(paths: Paths, session: SsoSession): Promise<TokenRead> {
  const read = await readCacheJson(paths.ssoCacheDir, tokenFileName(session));
  if (read.kind !== 'ok') return read;
  const parsed = parseToken(read.data);
  if ('reason' in parsed) return { kind: 'invalid', file: read.file, reason: parsed.reason };
  return { kind: 'ok', file: read.file, token: parsed.token };
}

/** Exactly the AWS CLI's bytes: Python json.dumps, fixed key order, `…Z` times, no trailing newline. */
export function serializeToken(token: CachedToken): string {
  return pyJsonDumps({
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: formatCacheTime(token.expiresAt),
    clientId: token.clientId,
    clientSecret: token.clientSecret,
    registrationExpiresAt:
      token.registrationExpiresAtText ??
      (token.registrationExpiresAt === undefined ? undefined : formatCacheTime(token.registrationExpiresAt)),
    refreshToken: token.refreshToken,
  });
}

export async function writeTokenFile(paths: Paths, session: SsoSession, token: CachedToken): Promise<void> {
  await writeCacheFile(paths.ssoCacheDir, tokenFileName(session), serializeToken(token));
}

export async function deleteTokenFile(paths: Paths, session: SsoSession): Promise<boolean> {
  return deleteCacheFile(paths.ssoCacheDir, tokenFileName(session));
}
