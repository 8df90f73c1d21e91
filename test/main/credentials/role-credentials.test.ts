import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { createPortal } from '../../../main/accounts/portal';
import { createCredentialStore } from '../../../main/credentials/role-credentials';
import { redactText } from '../../../main/log/redact';
import { LanyardError } from '../../../app/errors';
import { emulatorTokenSource, session } from '../../support/portal-session';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({
    org: {
      accounts: [
        {
          accountId: '111111111111',
          accountName: 'prod',
          emailAddress: 'p@example.com',
          roles: ['Admin', 'ReadOnly'],
        },
      ],
    },
  });
});
afterAll(async () => {
  await emu.close();
});

function store(now?: () => number) {
  const tokens = emulatorTokenSource(emu.control);
  const portal = createPortal({ tokenSource: tokens, endpoints: { portal: emu.url }, env: {} });
  return { tokens, creds: createCredentialStore(portal, now) };
}

describe('role credentials', () => {
  test('fetched once, reused from memory, and masked in any later text', async () => {
    const { creds } = store();
    emu.control.resetCalls();
    const a = await creds.get(session, '111111111111', 'Admin');
    const b = await creds.get(session, '111111111111', 'Admin');
    expect(b).toBe(a);
    expect(emu.control.calls().GetRoleCredentials).toBe(1);
    expect(emu.control.issuedRoleCredentials().map((c) => c.accessKeyId)).toContain(a.accessKeyId);
    expect(a.expiration).toBeGreaterThan(Date.now());
    const text = redactText(`${a.accessKeyId} ${a.secretAccessKey} ${a.sessionToken}`);
    expect(text).not.toContain(a.secretAccessKey);
    expect(text).not.toContain(a.sessionToken);
    expect(text).not.toContain(a.accessKeyId);
  });

  test('fetched again once less than 5 minutes remain', async () => {
    let clock = Date.now();
    const { creds } = store(() => clock);
    emu.control.resetCalls();
    const a = await creds.get(session, '111111111111', 'ReadOnly');
    clock = a.expiration - 4 * 60_000;
    const b = await creds.get(session, '111111111111', 'ReadOnly');
    expect(b.accessKeyId).not.toBe(a.accessKeyId);
    expect(emu.control.calls().GetRoleCredentials).toBe(2);
  });

  test('a role without access is FORBIDDEN naming role and account', async () => {
    const { creds } = store();
    const err = await creds.get(session, '111111111111', 'Billing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LanyardError);
    expect((err as LanyardError).code).toBe('FORBIDDEN');
    expect((err as LanyardError).message).toBe('You have no access to Billing in 111111111111.');
  });

  test('a rejected token is refreshed once', async () => {
    const { creds, tokens } = store();
    emu.control.revokeToken(tokens.current());
    const c = await creds.get(session, '111111111111', 'Admin');
    expect(c.accessKeyId).toBeTruthy();
    expect(tokens.refreshes).toBe(1);
  });
});
