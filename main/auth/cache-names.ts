import type { SsoSession } from '../../app/domain/session';
import { sha1Hex } from '../digest';
import { pyJsonDumps } from './py-json';

/** The token file the AWS CLI, botocore and the JS SDK share: sha1(session name), or sha1(start URL) for legacy profiles. */
export function tokenFileName(session: SsoSession): string {
  return `${sha1Hex(session.kind === 'sso-session' ? session.name : session.startUrl)}.json`;
}

/**
 * The registration file's name, as botocore computes it: sha1 of Python's json.dumps of the
 * registration arguments with sorted keys. `scopes` and `session_name` are null when not configured
 * (legacy profiles have neither), which is what botocore passes.
 */
export function registrationCacheKey(session: SsoSession): string {
  const args = {
    tool: 'botocore',
    startUrl: session.startUrl,
    region: session.region,
    scopes: session.scopes.length > 0 ? session.scopes : null,
    session_name: session.kind === 'sso-session' ? session.name : null,
  };
  return sha1Hex(pyJsonDumps(args, { sortKeys: true }));
}

export function registrationFileName(session: SsoSession): string {
  return `${registrationCacheKey(session)}.json`;
}
