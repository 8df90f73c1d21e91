/**
 * The profiles a plan adds, updates or removes, as rows a person can read (account, role,
 * region), taken from the planned text itself so the table says exactly what will be written.
 */
import { parse } from '../ini/document';
import { sectionIdOf, sectionValues, stringValue } from '../ini/sections';

export type ProfileChange = 'add' | 'update' | 'remove';
export type ProfileRow = {
  name: string;
  change: ProfileChange;
  accountId: string;
  /** From the role list; absent when the account is no longer listed. */
  accountName?: string;
  roleName: string;
  region?: string;
};

type Plan = { added: string[]; updated: string[]; removed: string[]; before: string; after: string };

function valuesByProfile(text: string, wanted: ReadonlySet<string>) {
  const out = new Map<string, { accountId: string; roleName: string; region?: string }>();
  if (wanted.size === 0) return out;
  for (const section of parse(text).sections) {
    const id = sectionIdOf(section);
    if (id?.kind !== 'profile' || !wanted.has(id.name) || out.has(id.name)) continue;
    const v = sectionValues(section);
    const region = stringValue(v, 'region');
    out.set(id.name, {
      accountId: stringValue(v, 'sso_account_id') ?? '',
      roleName: stringValue(v, 'sso_role_name') ?? '',
      ...(region ? { region } : {}),
    });
  }
  return out;
}

export function profileRows(plan: Plan, accountNames: ReadonlyMap<string, string>): ProfileRow[] {
  const after = valuesByProfile(plan.after, new Set([...plan.added, ...plan.updated]));
  const before = valuesByProfile(plan.before, new Set(plan.removed));
  const row = (name: string, change: ProfileChange, from: typeof after): ProfileRow => {
    const v = from.get(name) ?? { accountId: '', roleName: '' };
    const accountName = accountNames.get(v.accountId);
    return { name, change, ...v, ...(accountName ? { accountName } : {}) };
  };
  return [
    ...plan.added.map((n) => row(n, 'add', after)),
    ...plan.updated.map((n) => row(n, 'update', after)),
    ...plan.removed.map((n) => row(n, 'remove', before)),
  ];
}
