/**
 * Fuzzy, ranked role search for the tray window: pure, so the renderer, the CLI and tests share it.
 *
 * fuzzysort does the matching and scoring. What we add: strings are prepared once per role list
 * (`buildRoleIndex`), favorites and recents are applied per query from Sets (toggling a star does not
 * re-prepare 40,000 strings), and match positions come back as ranges ready for <mark>.
 */
import fuzzysort from 'fuzzysort';
import type { RoleEntry } from '../domain/accounts';

/** Half-open [start, end) character ranges of a field that matched the query. */
export type Range = readonly [start: number, end: number];

export const searchFields = ['accountName', 'accountId', 'emailAddress', 'roleName'] as const;
export type SearchField = (typeof searchFields)[number];
export type Highlights = Partial<Record<SearchField, Range[]>>;

type Prepared = ReturnType<typeof fuzzysort.prepare>;

/** One role with its strings prepared for fuzzysort. */
export type IndexedRole = {
  readonly key: string;
  readonly role: RoleEntry;
  readonly accountName: Prepared;
  readonly accountId: Prepared;
  readonly emailAddress: Prepared;
  readonly roleName: Prepared;
};

export type RoleIndex = {
  /** Sorted by account name, account id, then role name: the order of the unfiltered list. */
  readonly items: readonly IndexedRole[];
  readonly byKey: ReadonlyMap<string, IndexedRole>;
};

export type RoleHit = {
  readonly key: string;
  readonly role: RoleEntry;
  /** 0 with no query; else fuzzysort's score, 1 is a perfect match. */
  readonly score: number;
  readonly favorite: boolean;
  readonly highlights: Highlights;
};

export type SearchContext = {
  /** Role keys (`session/account/role`) the person starred. */
  favorites: ReadonlySet<string>;
  /** Role keys most recent first. */
  recents: readonly string[];
};

/**
 * `session/accountId/roleName`, the same key as `roleKey` in app/settings/schema (a test holds them
 * equal). Repeated here because that module builds zod schemas at load, which would put zod in the
 * renderer bundle for one template string.
 */
export function roleKeyOf(role: Pick<RoleEntry, 'sessionName' | 'accountId' | 'roleName'>): string {
  return `${role.sessionName}/${role.accountId}/${role.roleName}`;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function compareRoles(a: RoleEntry, b: RoleEntry): number {
  return (
    collator.compare(a.accountName, b.accountName) ||
    collator.compare(a.accountId, b.accountId) ||
    collator.compare(a.roleName, b.roleName)
  );
}

export function buildRoleIndex(roles: readonly RoleEntry[]): RoleIndex {
  // Many roles share an account: prepare each account's strings once and share them.
  const accountCache = new Map<string, Pick<IndexedRole, 'accountName' | 'accountId' | 'emailAddress'>>();
  const roleCache = new Map<string, Prepared>();
  const items: IndexedRole[] = [];
  for (const role of [...roles].sort(compareRoles)) {
    const accountKey = `${role.accountId}\u0000${role.accountName}\u0000${role.emailAddress}`;
    let account = accountCache.get(accountKey);
    if (!account) {
      account = {
        accountName: fuzzysort.prepare(role.accountName),
        accountId: fuzzysort.prepare(role.accountId),
        emailAddress: fuzzysort.prepare(role.emailAddress),
      };
      accountCache.set(accountKey, account);
    }
    let roleName = roleCache.get(role.roleName);
    if (!roleName) {
      roleName = fuzzysort.prepare(role.roleName);
      roleCache.set(role.roleName, roleName);
    }
    items.push({ key: roleKeyOf(role), role, ...account, roleName });
  }
  return { items, byKey: new Map(items.map((i) => [i.key, i])) };
}

/** Sorted match positions → merged ranges. */
export function indexesToRanges(indexes: readonly number[]): Range[] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const i of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && i <= last[1]) last[1] = Math.max(last[1], i + 1);
    else ranges.push([i, i + 1]);
  }
  return ranges;
}

/**
 * Roles matching `query`, best first, favorites ahead of the rest (each part in score order).
 * An empty query returns every role in list order with no highlights.
 */
export function searchRoles(index: RoleIndex, query: string, ctx: SearchContext): RoleHit[] {
  const q = query.trim();
  if (q === '') {
    return index.items.map((i) => ({
      key: i.key,
      role: i.role,
      score: 0,
      favorite: ctx.favorites.has(i.key),
      highlights: {},
    }));
  }
  const results = fuzzysort.go(q, index.items, { keys: searchFields, threshold: 0.2 });
  const recentRank = new Map(ctx.recents.map((k, n) => [k, n]));
  const hits: RoleHit[] = [];
  for (const r of results) {
    const highlights: Highlights = {};
    searchFields.forEach((field, n) => {
      const fieldResult = r[n];
      if (fieldResult && fieldResult.score > 0 && fieldResult.indexes.length > 0) {
        highlights[field] = indexesToRanges(fieldResult.indexes);
      }
    });
    // A recent role wins a near-tie: small enough never to lift a weak match over a strong one.
    const rank = recentRank.get(r.obj.key);
    const score = rank === undefined ? r.score : r.score + 0.02 * (1 - rank / 10);
    hits.push({
      key: r.obj.key,
      role: r.obj.role,
      score,
      favorite: ctx.favorites.has(r.obj.key),
      highlights,
    });
  }
  hits.sort(
    (a, b) => Number(b.favorite) - Number(a.favorite) || b.score - a.score || compareRoles(a.role, b.role),
  );
  return hits;
}

/** Splits a string into plain and matched pieces for rendering. */
export function splitByRanges(
  text: string,
  ranges: readonly Range[] | undefined,
): { text: string; match: boolean }[] {
  if (!ranges || ranges.length === 0) return [{ text, match: false }];
  const out: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ text: text.slice(at, start), match: false });
    out.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}
