import type { RoleEntry } from '../domain/accounts';
import { accountRoleKey } from '../domain/role-key';
import type { SsoSession } from '../domain/session';
import { LanyardError } from '../errors';
import { dominantEolOfParsed, parse, serialize, type IniDocument, type IniSection } from '../ini/document';
import { appendSection, isManaged, removeSections, setKeys, type Entry } from '../ini/edit';
import { formatHeader, sectionIdOf, sectionString } from '../ini/sections';
import { validateRegion } from '../validate';
import { renderProfilesDiff, snapshotLines } from './diff';
import { profileNamer, validateProfileTemplate } from './profile-name';

export type PlanProfilesInput = {
  session: SsoSession;
  roles: RoleEntry[];
  template?: string;
  /** The `region` written into each profile; the session's region when absent. */
  region?: string;
  /** Remove Lanyard's profiles of this session whose role is no longer in `roles`. */
  prune?: boolean;
};

export type PlannedText = {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  skipped: { name: string; reason: string }[];
  /** Things a person may want to know that changed no outcome (e.g. a renamed duplicate). */
  notes: string[];
  after: string;
  /** What changes, as a unified diff of Lanyard's own sections only (empty when nothing does). */
  diff: string;
};

/** Whether a Lanyard-managed profile was written for this session (or lost the keys that say whose it is). */
function belongsTo(section: IniSection, session: SsoSession, strict = false): boolean {
  const ssoSession = sectionString(section, 'sso_session');
  const startUrl = sectionString(section, 'sso_start_url');
  // Pruning deletes, so it needs the profile to name this session; updating may adopt an orphan.
  const orphan = !strict && !ssoSession && !startUrl;
  if (session.kind === 'sso-session') return ssoSession === session.name || orphan;
  return (ssoSession === undefined && startUrl === session.startUrl) || orphan;
}

function entriesFor(session: SsoSession, role: RoleEntry, region: string): Entry[] {
  const where: Entry[] =
    session.kind === 'sso-session'
      ? [['sso_session', session.name]]
      : [
          ['sso_start_url', session.startUrl],
          ['sso_region', session.region],
        ];
  return [...where, ['sso_account_id', role.accountId], ['sso_role_name', role.roleName], ['region', region]];
}

type Named = { name: string; role: RoleEntry };

const accountId = /^\d{12}$/;

/** One name per role, in a stable order; a second role that would get the same name gets `-2`, `-3`, ... */
function nameRoles(input: PlanProfilesInput, notes: string[]): Named[] {
  // One collator: `localeCompare` builds one per call, which dominated planning 5,000 roles.
  const { compare } = new Intl.Collator();
  // Account ids are 12 digits: of equal-length digit strings the collator's order is the code
  // units' order, so most comparisons skip ICU (a call into it costs more than the rest of a compare).
  const plainIds = input.roles.every((r) => accountId.test(r.accountId));
  const compareIds = (a: string, b: string) => (a === b ? 0 : plainIds ? (a < b ? -1 : 1) : compare(a, b));
  const roles = [...input.roles].sort(
    (a, b) => compareIds(a.accountId, b.accountId) || compare(a.roleName, b.roleName),
  );
  const nameOf = profileNamer(input.template);
  const sessionName = input.session.name;
  const used = new Set<string>();
  const seenRoles = new Set<string>();
  const out: Named[] = [];
  for (const role of roles) {
    const key = accountRoleKey(role);
    if (seenRoles.has(key)) continue;
    seenRoles.add(key);
    const base = nameOf({
      accountId: role.accountId,
      accountName: role.accountName,
      roleName: role.roleName,
      sessionName,
    });
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    if (name !== base) {
      notes.push(
        `${role.roleName} in account ${role.accountId} would also be named "${base}"; it is "${name}".`,
      );
    }
    used.add(name);
    out.push({ name, role });
  }
  return out;
}

/**
 * Works out the new config text for a session's roles. Pure: same text and input, same result.
 * `owned` is the parse of `before` when the caller already has one it gives up: the plan edits it
 * in place, so it must not be a document anyone reads afterwards.
 */
export function planProfilesText(
  before: string,
  input: PlanProfilesInput,
  fileName = 'config',
  owned?: IniDocument,
): PlannedText {
  if (input.template !== undefined) {
    const t = validateProfileTemplate(input.template);
    if (!t.ok) throw new LanyardError('BAD_INPUT', t.message);
  }
  let region = input.session.region;
  if (input.region !== undefined) {
    const r = validateRegion(input.region);
    if (!r.ok) throw new LanyardError('BAD_INPUT', r.message);
    region = r.value;
  }
  const plan: PlannedText = {
    added: [],
    updated: [],
    unchanged: [],
    removed: [],
    skipped: [],
    notes: [],
    after: '',
    diff: '',
  };
  const doc = owned ?? parse(before);
  const linesBefore = snapshotLines(doc);
  const named = nameRoles(input, plan.notes);
  // Computed once: per-role lookups over the whole file would make large configs quadratic.
  const eol = dominantEolOfParsed(doc, before);
  const profiles = new Map<string, IniSection[]>();
  for (const s of doc.sections) {
    const id = sectionIdOf(s);
    if (id?.kind !== 'profile') continue;
    const same = profiles.get(id.name);
    if (same) same.push(s);
    else profiles.set(id.name, [s]);
  }

  for (const { name, role } of named) {
    const entries = entriesFor(input.session, role, region);
    const sections = profiles.get(name) ?? [];
    if (sections.length === 0) {
      profiles.set(name, [appendSection(doc, formatHeader('profile', name), entries, eol)]);
      plan.added.push(name);
      continue;
    }
    const section = sections[0]!;
    if (sections.length > 1) {
      plan.skipped.push({ name, reason: 'this profile is defined more than once in the config file' });
    } else if (!isManaged(section)) {
      plan.skipped.push({ name, reason: 'a profile with this name exists and was not created by Lanyard' });
    } else if (!belongsTo(section, input.session)) {
      const owner = sectionString(section, 'sso_session') ?? 'another start URL';
      plan.skipped.push({ name, reason: `Lanyard manages this profile for ${owner}` });
    } else if (setKeys(doc, section, entries, eol)) {
      plan.updated.push(name);
    } else {
      plan.unchanged.push(name);
    }
  }

  if (input.prune) {
    const wanted = new Set(input.roles.map(accountRoleKey));
    const names = new Set(named.map((n) => n.name));
    const stale = doc.sections.filter((s) => {
      const id = sectionIdOf(s);
      if (id?.kind !== 'profile' || names.has(id.name) || !isManaged(s) || !belongsTo(s, input.session, true))
        return false;
      return !wanted.has(
        accountRoleKey({
          accountId: sectionString(s, 'sso_account_id') ?? '',
          roleName: sectionString(s, 'sso_role_name') ?? '',
        }),
      );
    });
    removeSections(doc, new Set(stale));
    for (const s of stale) plan.removed.push(sectionIdOf(s)!.name);
  }
  plan.after = serialize(doc);
  if (plan.after !== before) plan.diff = renderProfilesDiff(linesBefore, snapshotLines(doc), fileName);
  return plan;
}
