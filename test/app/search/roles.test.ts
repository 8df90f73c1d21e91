import { describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../../app/domain/accounts';
import { makeRoleKey as roleKey, roleKeyOf } from '../../../app/domain/role-key';
import {
  buildRoleIndex,
  buildRows,
  indexesToRanges,
  warmRoleIndex,
  searchRoles,
  splitByRanges,
  type SearchContext,
} from '../../../app/search';
import { sortRoles } from '../../../app/domain/role-order';
import { filterRoles } from '../../../app/search/filter';
import { fakeRoles } from '../../support/renderer/fake-data';

const role = (accountName: string, accountId: string, roleName: string, email = `${accountName}@x.example`) =>
  ({ sessionName: 'acme', accountName, accountId, roleName, emailAddress: email }) satisfies RoleEntry;

const roles: RoleEntry[] = [
  role('payments-prod', '111111111111', 'AdministratorAccess'),
  role('payments-prod', '111111111111', 'ReadOnlyAccess'),
  role('payments-dev', '222222222222', 'AdministratorAccess'),
  role('identity-prod', '333333333333', 'ReadOnlyAccess', 'team-id@corp.example'),
  role('billing', '444455556666', 'BillingAccess'),
];
const none: SearchContext = { favorites: new Set(), recents: [] };
const key = (r: RoleEntry) => roleKey(r.sessionName, r.accountId, r.roleName);

describe('searchRoles', () => {
  const index = buildRoleIndex(roles);

  it('returns every role in account order for an empty query', () => {
    const hits = searchRoles(index, '  ', none);
    expect(hits.map((h) => h.role.accountName)).toEqual([
      'billing',
      'identity-prod',
      'payments-dev',
      'payments-prod',
      'payments-prod',
    ]);
    expect(hits.every((h) => Object.keys(h.highlights).length === 0)).toBe(true);
  });

  it('ranks a contiguous match above a scattered one', () => {
    const hits = searchRoles(index, 'readonly', none);
    expect(hits[0]!.role.roleName).toBe('ReadOnlyAccess');
    expect(hits.slice(0, 2).every((h) => h.role.roleName === 'ReadOnlyAccess')).toBe(true);
  });

  it('matches account ids and emails, with ranges on the field that matched', () => {
    const byId = searchRoles(index, '44445555', none);
    expect(byId.map((h) => h.role.accountName)).toEqual(['billing']);
    expect(byId[0]!.highlights.accountId).toEqual([[0, 8]]);

    const byEmail = searchRoles(index, 'team-id@corp', none);
    expect(byEmail[0]!.role.accountName).toBe('identity-prod');
    expect(byEmail[0]!.highlights.emailAddress).toEqual([[0, 12]]);
  });

  it('matches words across fields (account and role)', () => {
    const hits = searchRoles(index, 'payments admin', none);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.role.accountName.startsWith('payments'))).toBe(true);
    expect(hits.every((h) => h.role.roleName === 'AdministratorAccess')).toBe(true);
    expect(hits[0]!.highlights.accountName?.[0]).toEqual([0, 8]);
  });

  it('puts favorites first even when they score lower', () => {
    const fav = roles[2]!; // payments-dev Administrator
    const plain = searchRoles(index, 'admin', none);
    const starred = searchRoles(index, 'admin', { favorites: new Set([key(fav)]), recents: [] });
    expect(starred[0]!.key).toBe(key(fav));
    expect(starred[0]!.favorite).toBe(true);
    expect(new Set(starred.map((h) => h.key))).toEqual(new Set(plain.map((h) => h.key)));
  });

  it('returns nothing for a query that matches nothing', () => {
    expect(searchRoles(index, 'zzzqqq', none)).toEqual([]);
  });
});

describe('ranges', () => {
  it('merges adjacent indexes', () => {
    expect(indexesToRanges([5, 0, 1, 2, 7, 6])).toEqual([
      [0, 3],
      [5, 8],
    ]);
    expect(indexesToRanges([])).toEqual([]);
  });
  it('splits text into marked pieces', () => {
    expect(splitByRanges('ReadOnly', [[0, 4]])).toEqual([
      { text: 'Read', match: true },
      { text: 'Only', match: false },
    ]);
    expect(splitByRanges('abc', undefined)).toEqual([{ text: 'abc', match: false }]);
  });
});

describe('buildRows', () => {
  const index = buildRoleIndex(roles);

  it('groups by account with Favorites and Recent sections on top when no query', () => {
    const ctx: SearchContext = {
      favorites: new Set([key(roles[4]!)]),
      recents: [key(roles[1]!), key(roles[4]!)],
    };
    const rows = buildRows(searchRoles(index, '', ctx), '', index, ctx);
    const labels = rows.map((r) => (r.kind === 'header' ? `#${r.label}` : r.hit.role.roleName));
    expect(labels.slice(0, 4)).toEqual(['#Favorites', 'BillingAccess', '#Recent', 'ReadOnlyAccess']);
    expect(labels).toContain('#payments-prod');
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('shows matching favorites then matches, ids unique', () => {
    const ctx: SearchContext = { favorites: new Set([key(roles[0]!)]), recents: [] };
    const rows = buildRows(searchRoles(index, 'access', ctx), 'access', index, ctx);
    expect(rows[0]).toMatchObject({ kind: 'header', label: 'Favorites' });
    expect(rows[2]).toMatchObject({ kind: 'header', label: 'Matches' });
    expect(rows.filter((r) => r.kind === 'role')).toHaveLength(5);
  });
});

describe('10,000 roles', () => {
  it('indexes and finds a specific role', () => {
    const many = fakeRoles(10_000);
    const index = buildRoleIndex(many);
    expect(index.items).toHaveLength(10_000);
    const target = many[4321]!;
    const hits = searchRoles(index, `${target.accountName} ${target.roleName}`, none);
    expect(hits.slice(0, 3).map((h) => h.key)).toContain(key(target));
  });
});

describe('the index keys roles by the one role key', () => {
  it('uses roleKeyOf', () => {
    expect(buildRoleIndex(roles).items.map((i) => i.key)).toEqual(
      expect.arrayContaining(roles.map(roleKeyOf)),
    );
  });
});

describe('the list order', () => {
  const keys = (rs: readonly { key: string }[]) => rs.map((i) => i.key);

  it('sorts a merged list into the one order', () => {
    expect(keys(buildRoleIndex(roles).items)).toEqual(
      keys(buildRoleIndex(sortRoles([...roles]), true).items),
    );
    expect(keys(buildRoleIndex(roles).items)[0]).toBe(key(roles[4]!)); // billing first
  });

  it('takes a list already in the one order as it is, and searches it alike', () => {
    const inOrder = sortRoles([...roles]);
    const index = buildRoleIndex(inOrder, true);
    expect(index.items.map((i) => i.role)).toEqual(inOrder);
    expect(searchRoles(index, 'pay adm', none).map((h) => h.key)).toEqual(
      searchRoles(buildRoleIndex(roles), 'pay adm', none).map((h) => h.key),
    );
  });
});

describe('word memo', () => {
  it('gives the same hits as a fresh index, whatever was typed before', () => {
    const many = fakeRoles(2_000);
    const warm = buildRoleIndex(many);
    while (warmRoleIndex(warm));
    expect(warm.charCache.size).toBeGreaterThan(26);
    const typed = [
      'P',
      'p',
      'pa',
      'pay',
      'paym',
      'payments',
      'payments p',
      'payments pr',
      'pay',
      'a',
      'ad',
      'adm',
      'x',
      '6',
      '66',
    ];
    for (const q of typed) {
      const fromWarm = searchRoles(warm, q, none).map((h) => [h.key, h.score]);
      const fromCold = searchRoles(buildRoleIndex(many), q, none).map((h) => [h.key, h.score]);
      expect(fromWarm, q).toEqual(fromCold);
    }
    expect(warm.wordCache.size).toBeGreaterThan(0);
  });
});

describe('two sessions in one list', () => {
  it('keeps an account reached through two sessions as two groups with unique row ids', () => {
    const other = roles.map((r) => ({ ...r, sessionName: 'gov' }));
    const index = buildRoleIndex([...roles, ...other]);
    const rows = buildRows(searchRoles(index, '', none), '', index, none);
    const headers = rows.filter((r) => r.kind === 'header');
    expect(headers.filter((h) => h.kind === 'header' && h.detail === '111111111111')).toHaveLength(2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // Every role sits under the header of its own session.
    let session: string | undefined;
    for (const row of rows) {
      if (row.kind === 'header') session = row.sessionName;
      else expect(row.hit.role.sessionName).toBe(session);
    }
  });
});

describe('filterRoles (the CLI filter is the window search)', () => {
  const env = (accountId: string, accountName: string, roleName: string): RoleEntry => ({
    sessionName: 'corp',
    accountId,
    accountName,
    emailAddress: `${accountName}@example.com`,
    roleName,
  });
  const list = [
    env('111111111111', 'payments-prd', 'AdministratorAccess'),
    env('111111111111', 'payments-prd', 'ReadOnlyAccess'),
    env('222222222222', 'payments-dev', 'AdministratorAccess'),
  ];
  it('"prd adm" finds the prd administrator, as in the window', async () => {
    const hits = await filterRoles(list, 'prd adm');
    // Best first; the dev account never matches "prd".
    expect(hits.map((r) => `${r.accountName}/${r.roleName}`)[0]).toBe('payments-prd/AdministratorAccess');
    expect(hits.every((r) => r.accountName === 'payments-prd')).toBe(true);
    expect(hits).toEqual(searchRoles(buildRoleIndex(list), 'prd adm', none).map((h) => h.role));
    expect(await filterRoles(list, '')).toHaveLength(3);
  });
  it('without a query, keeps every role in the order given (the directory gives the one order)', async () => {
    const shuffled = [list[2]!, list[0]!, list[1]!];
    expect(await filterRoles(shuffled, '  ')).toEqual(shuffled);
  });
});
