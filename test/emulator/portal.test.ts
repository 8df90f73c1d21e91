import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  paginateListAccountRoles,
  paginateListAccounts,
  type SSOClient,
} from '@aws-sdk/client-sso';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateOrg, type RunningEmulator, startEmulator } from '../../emulator/index';
import { errorName, fakeClock, oidcClient, ssoClient } from './helpers';

const clock = fakeClock();
const org = generateOrg(57, [1, 4], 7);
// One account with many roles, to page roles too.
org.accounts[0]!.roles = Array.from({ length: 23 }, (_, i) => `Role${i}`);
let emu: RunningEmulator;
let sso: SSOClient;
beforeAll(async () => {
  emu = await startEmulator({ now: clock.now, org, pageSize: 10, throttle: false });
  sso = ssoClient(emu.url);
});
afterAll(async () => {
  sso.destroy();
  await emu.close();
});

test('ListAccounts pages 57 accounts at page size 10: 6 pages, every account once, fresh tokens', async () => {
  const accessToken = emu.control.issueToken().accessToken;
  emu.control.resetCalls();
  const seen: string[] = [];
  const tokens = new Set<string>();
  let pages = 0;
  for await (const page of paginateListAccounts({ client: sso }, { accessToken })) {
    pages++;
    if (page.nextToken) tokens.add(page.nextToken);
    seen.push(...page.accountList!.map((a) => a.accountId!));
  }
  expect(pages).toBe(6);
  expect(seen).toEqual(org.accounts.map((a) => a.accountId));
  expect(tokens.size).toBe(5);
  expect(emu.control.calls().ListAccounts).toBe(6);

  // Listing again never repeats a token, which botocore's paginator would take for a loop.
  const again = await sso.send(new ListAccountsCommand({ accessToken }));
  expect(tokens.has(again.nextToken!)).toBe(false);
  const last = await sso.send(new ListAccountsCommand({ accessToken, maxResults: 100 }));
  expect(last.accountList).toHaveLength(57);
  expect(last.nextToken).toBeUndefined();
});

test('ListAccountRoles pages exactly with max_result and answers 403 for an unassigned account', async () => {
  const accessToken = emu.control.issueToken().accessToken;
  const accountId = org.accounts[0]!.accountId;
  const roles: string[] = [];
  let pages = 0;
  for await (const page of paginateListAccountRoles(
    { client: sso, pageSize: 5 },
    { accessToken, accountId },
  )) {
    pages++;
    roles.push(...page.roleList!.map((r) => r.roleName!));
    expect(page.roleList!.every((r) => r.accountId === accountId)).toBe(true);
  }
  expect(pages).toBe(5);
  expect(roles).toEqual(org.accounts[0]!.roles);
  expect(
    await errorName(sso.send(new ListAccountRolesCommand({ accessToken, accountId: '000000000000' }))),
  ).toBe('ForbiddenException');
});

test('max_result outside 1..100 and forged next_token are InvalidRequestException', async () => {
  const accessToken = emu.control.issueToken().accessToken;
  expect(await errorName(sso.send(new ListAccountsCommand({ accessToken, maxResults: 101 })))).toBe(
    'InvalidRequestException',
  );
  expect(await errorName(sso.send(new ListAccountsCommand({ accessToken, maxResults: 0 })))).toBe(
    'InvalidRequestException',
  );
  expect(await errorName(sso.send(new ListAccountsCommand({ accessToken, nextToken: 'garbage' })))).toBe(
    'InvalidRequestException',
  );
});

test('GetRoleCredentials: epoch-ms expiration, recorded; 403 for unassigned role', async () => {
  const accessToken = emu.control.issueToken().accessToken;
  const account = org.accounts[1]!;
  const r = await sso.send(
    new GetRoleCredentialsCommand({ accessToken, accountId: account.accountId, roleName: account.roles[0] }),
  );
  const c = r.roleCredentials!;
  expect(c.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
  expect(c.secretAccessKey).toHaveLength(40);
  expect(c.expiration).toBe(clock.now() + 3600_000);
  expect(emu.control.issuedRoleCredentials()).toContainEqual({
    accessKeyId: c.accessKeyId,
    accountId: account.accountId,
    roleName: account.roles[0],
  });
  const err = sso.send(
    new GetRoleCredentialsCommand({ accessToken, accountId: account.accountId, roleName: 'NotARole' }),
  );
  expect(await errorName(err)).toBe('ForbiddenException');
});

test('401 for unknown, revoked, expired and ended tokens; refresh recovers from expiry only', async () => {
  const list = (accessToken: string) => sso.send(new ListAccountsCommand({ accessToken }));
  expect(await errorName(list('aoa-not-a-token'))).toBe('UnauthorizedException');
  const a = emu.control.issueToken();
  emu.control.revokeToken(a.accessToken);
  expect(await errorName(list(a.accessToken))).toBe('UnauthorizedException');

  const b = emu.control.issueToken();
  emu.control.expireAccessTokens();
  expect(await errorName(list(b.accessToken))).toBe('UnauthorizedException');
  const oidc = oidcClient(emu.url);
  const refreshed = await oidc.send(
    new CreateTokenCommand({
      clientId: b.clientId,
      clientSecret: b.clientSecret,
      grantType: 'refresh_token',
      refreshToken: b.refreshToken,
    }),
  );
  await list(refreshed.accessToken!);
  emu.control.revokeAll();
  expect(await errorName(list(refreshed.accessToken!))).toBe('UnauthorizedException');
  oidc.destroy();

  const c = emu.control.issueToken();
  clock.advance(3600_000);
  expect(await errorName(list(c.accessToken))).toBe('UnauthorizedException');
});

test('Logout ends the access token and its refresh token', async () => {
  const t = emu.control.issueToken();
  await sso.send(new LogoutCommand({ accessToken: t.accessToken }));
  expect(await errorName(sso.send(new ListAccountsCommand({ accessToken: t.accessToken })))).toBe(
    'UnauthorizedException',
  );
  const oidc = oidcClient(emu.url);
  const refresh = oidc.send(
    new CreateTokenCommand({
      clientId: t.clientId,
      clientSecret: t.clientSecret,
      grantType: 'refresh_token',
      refreshToken: t.refreshToken,
    }),
  );
  expect(await errorName(refresh)).toBe('InvalidGrantException');
  oidc.destroy();
});

test('setOrg changes what the portal lists, live', async () => {
  const accessToken = emu.control.issueToken().accessToken;
  const before = emu.control.org();
  emu.control.setOrg({
    accounts: [
      { accountId: '111122223333', accountName: 'solo', emailAddress: 'solo@example.com', roles: ['Admin'] },
    ],
  });
  const r = await sso.send(new ListAccountsCommand({ accessToken }));
  expect(r.accountList).toEqual([
    { accountId: '111122223333', accountName: 'solo', emailAddress: 'solo@example.com' },
  ]);
  expect(() =>
    emu.control.setOrg({ accounts: [{ accountId: '12', accountName: 'x', emailAddress: 'x', roles: [] }] }),
  ).toThrow(/accountId must be 12 digits/);
  emu.control.setOrg(before);
});
