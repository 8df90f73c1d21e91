import type { SsoSession } from '../../app/domain/session';
import { LanyardError } from '../../app/errors';
import { sectionKeys, type IniDocument } from '../../app/ini/document';
import { appendSection } from '../../app/ini/edit';
import {
  documentProblems,
  findSections,
  formatHeader,
  sectionIdOf,
  sectionValues,
  stringValue,
} from '../../app/ini/sections';
import { validateRegion, validateSessionName, validateStartUrl } from '../../app/validate';
import { createLogger } from '../log/logger';
import type { Paths } from '../paths';
import { editConfig } from './config-file';
import { createConfigReader, type ConfigReader, type ConfigSnapshot } from './config-reader';

const log = createLogger('config.sessions');

export const defaultScopes = ['sso:account:access'];

export function parseScopes(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Every place to sign in that a document defines, with warnings for what cannot be used. */
export function sessionsFromDocument(doc: IniDocument): { sessions: SsoSession[]; warnings: string[] } {
  const sessions: SsoSession[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const section of doc.sections) {
    // Most sections are profiles without sso_start_url (5,000 written ones): no place to sign in, so
    // skip them before reading their header's name or values. sso-sessions are always read (warnings).
    if (!section.header?.inner.startsWith('sso-session') && !sectionKeys(section).includes('sso_start_url'))
      continue;
    const id = sectionIdOf(section);
    if (!id || (id.kind !== 'sso-session' && id.kind !== 'profile')) continue;
    const values = sectionValues(section);
    const startUrl = stringValue(values, 'sso_start_url');
    const region = stringValue(values, 'sso_region');
    if (id.kind === 'profile' && (startUrl === undefined || values.sso_session !== undefined)) continue;
    const kind = id.kind === 'sso-session' ? 'sso-session' : 'legacy-profile';
    const label = kind === 'sso-session' ? `[sso-session ${id.name}]` : `profile "${id.name}"`;
    const key = `${kind}:${id.name}`;
    if (seen.has(key)) {
      warnings.push(`${label} is defined twice; Lanyard uses the first one.`);
      continue;
    }
    seen.add(key);
    const missing = [startUrl ? null : 'sso_start_url', region ? null : 'sso_region'].filter(
      (m) => m !== null,
    );
    if (missing.length > 0) {
      warnings.push(`${label} is missing ${missing.join(' and ')}, so it cannot be used to sign in.`);
      continue;
    }
    const scopes = kind === 'sso-session' ? parseScopes(stringValue(values, 'sso_registration_scopes')) : [];
    sessions.push({ name: id.name, kind, startUrl: startUrl!, region: region!, scopes });
  }
  return { sessions, warnings };
}

type Found = { sessions: SsoSession[]; warnings: string[] };
/** Per snapshot: the sessions of one reading of the file are worked out once. */
const foundIn = new WeakMap<ConfigSnapshot, Found>();

function sessionsOf(paths: Paths, config: ConfigSnapshot): Found {
  const hit = foundIn.get(config);
  if (hit) return hit;
  const warnings: string[] = [];
  if (!config.utf8) warnings.push(`${paths.awsConfigFile} is not valid UTF-8; some values may be wrong.`);
  const doc = config.doc();
  for (const p of documentProblems(doc)) {
    warnings.push(`${paths.awsConfigFile}: ${p} (the AWS CLI will refuse this file).`);
  }
  const found = sessionsFromDocument(doc);
  const result = { sessions: found.sessions, warnings: [...warnings, ...found.warnings] };
  foundIn.set(config, result);
  return result;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** A remembered answer read back (./remembered.ts): every field as sessionsFromDocument makes it. */
function isFound(v: unknown): v is Found {
  const f = v as Partial<Record<keyof Found, unknown>> | null;
  if (!f || !Array.isArray(f.sessions) || !Array.isArray(f.warnings) || !f.warnings.every(isString))
    return false;
  return f.sessions.every((x: unknown) => {
    const s = x as Partial<Record<keyof SsoSession, unknown>> | null;
    return (
      !!s &&
      isString(s.name) &&
      (s.kind === 'sso-session' || s.kind === 'legacy-profile') &&
      isString(s.startUrl) &&
      isString(s.region) &&
      Array.isArray(s.scopes) &&
      s.scopes.every(isString)
    );
  });
}

/**
 * The configured sessions; throws (FILE) when the config exists but cannot be read. A CLI run's
 * reader remembers them between runs while the file is unchanged (./config-reader.ts).
 */
export async function readSessions(
  paths: Paths,
  reader: ConfigReader = createConfigReader(paths),
): Promise<Found> {
  const found = await reader.found('sessions', isFound, (config) =>
    config.exists ? sessionsOf(paths, config) : { sessions: [], warnings: [] },
  );
  // Copies: callers may sort or extend what they get.
  return {
    sessions: found.sessions.map((s) => ({ ...s, scopes: [...s.scopes] })),
    warnings: [...found.warnings],
  };
}

/** Like readSessions, but an unreadable config is a warning (listings, status, the window). */
export async function loadSessions(
  paths: Paths,
  reader?: ConfigReader,
): Promise<{ sessions: SsoSession[]; warnings: string[] }> {
  try {
    return await readSessions(paths, reader);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.warn('cannot read config', { message });
    return { sessions: [], warnings: [message] };
  }
}

/** A session whose region is not a region name would send its tokens to a made-up host. */
function assertUsable(paths: Paths, session: SsoSession): SsoSession {
  const region = validateRegion(session.region);
  if (region.ok) return session;
  const where =
    session.kind === 'sso-session' ? `[sso-session ${session.name}]` : `[profile ${session.name}]`;
  throw new LanyardError(
    'CONFIG',
    `${paths.awsConfigFile}: sso_region = ${session.region} in ${where} is not a valid region. ${region.message}`,
    { hint: `Fix the sso_region line of ${where} in ${paths.awsConfigFile}.` },
  );
}

export async function getSession(paths: Paths, name: string, reader?: ConfigReader): Promise<SsoSession> {
  const { sessions } = await readSessions(paths, reader);
  const match =
    sessions.find((s) => s.kind === 'sso-session' && s.name === name) ??
    sessions.find((s) => s.name === name);
  if (match) return assertUsable(paths, match);
  const names = sessions.map((s) => s.name);
  throw new LanyardError(
    'UNKNOWN_SESSION',
    names.length === 0
      ? `There is no session "${name}": no sessions are configured yet.`
      : `There is no session "${name}". Known sessions: ${names.join(', ')}.`,
    { candidates: names },
  );
}

export type AddSessionInput = {
  name: string;
  startUrl: string;
  region: string;
  scopes?: string[];
  /** The person confirmed a start URL on a host AWS does not own (a custom or vanity portal URL). */
  customEndpoint?: boolean;
};

function must<T>(v: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!v.ok) throw new LanyardError('BAD_INPUT', v.message);
  return v.value;
}

export async function addSsoSession(paths: Paths, input: AddSessionInput): Promise<{ changed: boolean }> {
  const name = must(validateSessionName(input.name));
  const startUrl = must(validateStartUrl(input.startUrl, { customEndpoint: input.customEndpoint }));
  const region = must(validateRegion(input.region));
  const scopes = (input.scopes ?? defaultScopes).map((s) => s.trim()).filter((s) => s !== '');
  if (scopes.length === 0)
    throw new LanyardError('BAD_INPUT', 'Give at least one scope, e.g. sso:account:access.');
  if (scopes.some((s) => /[,\s]/.test(s)))
    throw new LanyardError('BAD_INPUT', 'A scope cannot contain commas or spaces.');

  const { written } = await editConfig(paths, (doc) => {
    const existing = findSections(doc, 'sso-session', name);
    if (existing.length > 0) {
      const values = sectionValues(existing[0]!);
      const same =
        existing.length === 1 &&
        stringValue(values, 'sso_start_url') === startUrl &&
        stringValue(values, 'sso_region') === region &&
        parseScopes(stringValue(values, 'sso_registration_scopes')).join(',') === scopes.join(',');
      if (same) return;
      throw new LanyardError(
        'CONFIG',
        `An sso-session named "${name}" already exists with different settings; Lanyard will not overwrite it.`,
        { hint: 'Choose another name, or edit that section in ~/.aws/config yourself.' },
      );
    }
    appendSection(doc, formatHeader('sso-session', name), [
      ['sso_start_url', startUrl],
      ['sso_region', region],
      ['sso_registration_scopes', scopes.join(',')],
    ]);
  });
  log.info(written ? 'sso-session added' : 'sso-session already present', { name });
  return { changed: written };
}
