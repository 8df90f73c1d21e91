import { ListAccountRolesCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import { RegisterClientCommand } from '@aws-sdk/client-sso-oidc';
import { expect, test } from 'vitest';
import { startEmulator } from '../../emulator/index';
import { errorName, fakeClock, oidcClient, ssoClient } from './helpers';

test('one token bucket across the portal APIs: the 6th call inside a burst of 5 is 429 TooManyRequests', async () => {
  const clock = fakeClock();
  const emu = await startEmulator({ now: clock.now, throttle: { ratePerSecond: 2, burst: 5 } });
  const sso = ssoClient(emu.url);
  try {
    const accessToken = emu.control.issueToken().accessToken;
    const accountId = emu.control.org().accounts[0]!.accountId;
    for (let i = 0; i < 3; i++) await sso.send(new ListAccountsCommand({ accessToken }));
    for (let i = 0; i < 2; i++) await sso.send(new ListAccountRolesCommand({ accessToken, accountId }));
    expect(await errorName(sso.send(new ListAccountsCommand({ accessToken })))).toBe(
      'TooManyRequestsException',
    );
    // OIDC is not behind the portal's bucket.
    await oidcClient(emu.url).send(new RegisterClientCommand({ clientName: 'x', clientType: 'public' }));
    clock.advance(500); // refills one token at 2/s
    await sso.send(new ListAccountsCommand({ accessToken }));
    expect(await errorName(sso.send(new ListAccountsCommand({ accessToken })))).toBe(
      'TooManyRequestsException',
    );
    emu.control.setThrottle(false);
    for (let i = 0; i < 30; i++) await sso.send(new ListAccountsCommand({ accessToken }));
    expect(() => emu.control.setThrottle({ ratePerSecond: -1 })).toThrow(/invalid throttle/);
  } finally {
    sso.destroy();
    await emu.close();
  }
});

test('seeded faults hit only the named operation and repeat exactly for the same seed', async () => {
  const run = async () => {
    const emu = await startEmulator({
      throttle: false,
      faults: { serverErrorRate: 0.3, throttleRate: 0.2, operations: ['ListAccountRoles'], seed: 42 },
    });
    const sso = ssoClient(emu.url);
    const outcomes: string[] = [];
    try {
      const accessToken = emu.control.issueToken().accessToken;
      const accountId = emu.control.org().accounts[0]!.accountId;
      for (let i = 0; i < 20; i++) {
        await sso.send(new ListAccountsCommand({ accessToken })); // never faulted
        outcomes.push(
          await sso.send(new ListAccountRolesCommand({ accessToken, accountId })).then(
            () => 'ok',
            (e: Error) => e.name,
          ),
        );
      }
      return outcomes;
    } finally {
      sso.destroy();
      await emu.close();
    }
  };
  const first = await run();
  expect(await run()).toEqual(first);
  expect(first).toContain('ok');
  expect(first).toContain('TooManyRequestsException');
  expect(first.some((o) => o === 'InternalServerException' || o === 'ServiceUnavailableException')).toBe(
    true,
  );
});

test('malformed bodies make the SDK fail to parse; setFaults validates its input', async () => {
  const emu = await startEmulator({ throttle: false, faults: { malformedRate: 1 } });
  const sso = ssoClient(emu.url);
  try {
    const accessToken = emu.control.issueToken().accessToken;
    await expect(sso.send(new ListAccountsCommand({ accessToken }))).rejects.toThrow();
    const raw = await fetch(`${emu.url}/assignment/accounts`, {
      headers: { 'x-amz-sso_bearer_token': accessToken },
    });
    expect(raw.status).toBe(200);
    const text = await raw.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(() => emu.control.setFaults({ serverErrorRate: 0.8, timeoutRate: 0.8 })).toThrow(
      /add up to more than 1/,
    );
    emu.control.setFaults({});
    await sso.send(new ListAccountsCommand({ accessToken }));
  } finally {
    sso.destroy();
    await emu.close();
  }
});

test('a timeout fault holds the request until close(), and close() still ends it', async () => {
  const emu = await startEmulator({ faults: { timeoutRate: 1, operations: ['ListAccounts'] } });
  const accessToken = emu.control.issueToken().accessToken;
  const held = fetch(`${emu.url}/assignment/accounts`, {
    headers: { 'x-amz-sso_bearer_token': accessToken },
  });
  // The request is in (counted) but unanswered; a keep-alive connection is open as well.
  await fetch(`${emu.url}/_emulator/calls`).then((r) => r.text());
  while (!emu.control.calls().ListAccounts) await new Promise((r) => setImmediate(r));
  await emu.close();
  await expect(held).rejects.toThrow();
});

test('latency accepts a range and rejects a backwards one', async () => {
  const emu = await startEmulator({ latencyMs: { min: 5, max: 10 } });
  try {
    const res = await fetch(`${emu.url}/client/register`, {
      method: 'POST',
      body: '{"clientName":"x","clientType":"public"}',
    });
    expect(res.status).toBe(200);
    expect(() => emu.control.setLatency({ min: 10, max: 5 })).toThrow(/min is above max/);
  } finally {
    await emu.close();
  }
});
