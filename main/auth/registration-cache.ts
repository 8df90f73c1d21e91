import type { SsoSession } from '../../app/domain/session';
import type { Paths } from '../paths';
import { registerSecret } from '../log/redact';
import { createLogger } from '../log/logger';
import { readCacheJson, writeCacheFile } from './cache-files';
import { registrationFileName } from './cache-names';
import { pyJsonDumps } from './py-json';
import { formatCacheTime, parseCacheTime } from './timestamps';

const log = createLogger('auth.registration-cache');

/** A client registration as the AWS CLI caches it (doc §3.3). */
export type Registration = {
  clientId: string;
  clientSecret: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  scopes?: string[];
  grantTypes?: string[];
};

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
}

/** The cached registration, or undefined when there is none or it is unreadable (then logged, left alone). */
export async function readRegistration(paths: Paths, session: SsoSession): Promise<Registration | undefined> {
  const read = await readCacheJson(paths.ssoCacheDir, registrationFileName(session));
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'invalid') {
    log.warn(`ignoring client registration ${read.file}: it ${read.reason}`);
    return undefined;
  }
  const { clientId, clientSecret } = read.data;
  const expiresAt = parseCacheTime(read.data.expiresAt);
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || expiresAt === undefined) {
    log.warn(`ignoring client registration ${read.file}: it lacks clientId, clientSecret or expiresAt`);
    return undefined;
  }
  registerSecret(clientSecret);
  return {
    clientId,
    clientSecret,
    expiresAt,
    scopes: stringList(read.data.scopes),
    grantTypes: stringList(read.data.grantTypes),
  };
}

export function serializeRegistration(reg: Registration): string {
  return pyJsonDumps({
    clientId: reg.clientId,
    clientSecret: reg.clientSecret,
    expiresAt: formatCacheTime(reg.expiresAt),
    scopes: reg.scopes,
    grantTypes: reg.grantTypes,
  });
}

export async function writeRegistration(paths: Paths, session: SsoSession, reg: Registration): Promise<void> {
  await writeCacheFile(paths.ssoCacheDir, registrationFileName(session), serializeRegistration(reg));
}
