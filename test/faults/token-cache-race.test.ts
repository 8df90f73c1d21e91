import { spawn } from 'node:child_process';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoSession } from '../../app/domain/session';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { tokenFileName } from '../../main/auth/cache-names';
import { openOidc } from '../../main/auth/oidc';
import { readTokenFile, writeTokenFile } from '../../main/auth/token-cache';
import { createSandbox, type Sandbox } from '../support/sandbox';

// Lanyard and botocore share ~/.aws/sso/cache/<sha1(session)>.json. Both refresh it when it nears
// expiry; whoever loses the race must never leave (or read) a half-written file.
const START_URL = 'https://d-9000000001.awsapps.com/start';
const session: SsoSession = {
  name: 'race',
  kind: 'sso-session',
  startUrl: START_URL,
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};
const config = `[sso-session race]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;

let emu: RunningEmulator;
let sb: Sandbox;
let file: string;

// botocore's own refresher (the code `aws` and boto3 run), called in a loop; every access token the
// emulator hands out lives 60 s, so each call is inside botocore's 15-minute refresh window.
const botocoreLoop = (iterations: number) => `
import json, sys
import botocore.session
from botocore.tokens import SSOTokenProvider
from botocore.utils import JSONFileCache
import os
cache_dir = os.path.expanduser(os.path.join('~', '.aws', 'sso', 'cache'))
s = botocore.session.Session()
p = SSOTokenProvider(s, cache=JSONFileCache(cache_dir), profile_name=None)
p._sso_config = {'session_name': 'race', 'sso_region': 'us-east-1', 'sso_start_url': '${START_URL}'}
stats = {'refreshes': 0, 'unreadable': 0}
for i in range(${iterations}):
    p._refresher()
    stats['refreshes'] += 1
    try:
        with open(os.path.join(cache_dir, '${tokenFileName(session)}')) as f:
            json.load(f)
    except Exception as e:
        stats['unreadable'] += 1
print(json.dumps(stats))
`;

function runPython(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-'], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, out, err }));
    child.stdin.end(script);
  });
}

beforeAll(async () => {
  emu = await startEmulator({ accessTokenTtlSeconds: 60, throttle: false });
  sb = await createSandbox({ config });
  sb.withEnv(emu.env);
  file = sb.cacheFile(tokenFileName(session));
});

afterAll(async () => {
  await emu?.close();
  await sb?.cleanup();
});

async function seedToken(): Promise<void> {
  const t = emu.control.issueToken({ refreshable: true });
  await writeTokenFile(sb.paths, session, {
    startUrl: START_URL,
    region: 'us-east-1',
    accessToken: t.accessToken,
    expiresAt: t.expiresAt,
    clientId: t.clientId,
    clientSecret: t.clientSecret,
    registrationExpiresAt: Date.now() + 86_400_000,
    refreshToken: t.refreshToken,
  });
}

describe('token cache under concurrent refresh (Lanyard and botocore)', () => {
  it('never leaves an unreadable file, and keeps it 0600 in a 0700 folder', async () => {
    // Lanyard creates the folders itself here, so their modes are Lanyard's doing.
    await rm(join(sb.awsDir, 'sso'), { recursive: true, force: true });
    await seedToken();
    emu.control.resetCalls();
    const iterations = 40;
    const py = runPython(botocoreLoop(iterations), sb.env);

    const oidc = await openOidc('us-east-1', { env: sb.env });
    let lanyardRefreshes = 0;
    let lost = 0;
    let unreadable = 0;
    for (let i = 0; i < iterations; i++) {
      const read = await readTokenFile(sb.paths, session);
      if (read.kind !== 'ok') {
        unreadable++;
        continue;
      }
      const t = read.token;
      try {
        const out = await oidc.createToken({
          clientId: t.clientId!,
          clientSecret: t.clientSecret!,
          grantType: 'refresh_token',
          refreshToken: t.refreshToken!,
        });
        await writeTokenFile(sb.paths, session, {
          ...t,
          accessToken: out.accessToken,
          expiresAt: Date.now() + out.expiresIn * 1000,
          refreshToken: out.refreshToken ?? t.refreshToken,
        });
        lanyardRefreshes++;
      } catch {
        // botocore rotated the refresh token first: the loser keeps what is on disk, as botocore does.
        lost++;
      }
    }
    oidc.client.destroy();
    const result = await py;
    expect(result.err).not.toMatch(/Traceback/);
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.out) as { refreshes: number; unreadable: number };

    expect(unreadable).toBe(0);
    expect(stats.unreadable).toBe(0);
    expect(lanyardRefreshes).toBeGreaterThan(0);
    expect(lanyardRefreshes + lost).toBe(iterations);
    // botocore really refreshed too (CreateToken calls beyond Lanyard's own successes).
    expect(emu.control.calls().CreateToken ?? 0).toBeGreaterThan(lanyardRefreshes + lost);
    // The survivor is a complete token either side can use.
    const final = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(Object.keys(final)).toEqual(expect.arrayContaining(['accessToken', 'expiresAt', 'refreshToken']));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(sb.awsDir, 'sso', 'cache'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(sb.awsDir, 'sso'))).mode & 0o777).toBe(0o700);
  });

  it('raw writers racing (Lanyard writeTokenFile vs botocore JSONFileCache) never expose a partial file', async () => {
    await seedToken();
    const n = 300;
    const script = `
import json, os
from botocore.utils import JSONFileCache
cache = JSONFileCache(os.path.expanduser('~/.aws/sso/cache'))
key = '${tokenFileName(session).replace('.json', '')}'
bad = 0
for i in range(${n}):
    cache[key] = {'startUrl': '${START_URL}', 'region': 'us-east-1', 'accessToken': 'aoa-py-%d' % i + 'x' * 4000, 'expiresAt': '2030-01-01T00:00:00Z'}
    try:
        cache[key]
    except KeyError:
        bad += 1
print(bad)
`;
    const py = runPython(script, sb.env);
    let bad = 0;
    for (let i = 0; i < n; i++) {
      await writeTokenFile(sb.paths, session, {
        startUrl: START_URL,
        region: 'us-east-1',
        accessToken: `aoa-js-${i}${'y'.repeat(4000)}`,
        expiresAt: Date.UTC(2030, 0, 1),
      });
      if ((await readTokenFile(sb.paths, session)).kind !== 'ok') bad++;
    }
    const result = await py;
    expect(result.code).toBe(0);
    expect(bad).toBe(0);
    expect(result.out.trim()).toBe('0');
    // botocore's mkstemp temp files and Lanyard's never linger.
    const { readdir } = await import('node:fs/promises');
    expect(
      (await readdir(join(sb.awsDir, 'sso', 'cache'))).filter(
        (f) => f.endsWith('.tmp') || f.includes('.json.'),
      ),
    ).toEqual([]);
  });
});

describe('a non-atomic writer (AWS CLI 2.9.19 truncates, then writes)', () => {
  it('Lanyard reading inside the gap waits for the write instead of calling the session broken', async () => {
    const token = {
      startUrl: START_URL,
      region: 'us-east-1',
      accessToken: 'aoa-cli-written-token-000000000000000000',
      expiresAt: '2030-01-01T00:00:00Z',
    };
    // The CLI's JSONFileCache of that era: open for writing (truncating), then write. The 60 ms between
    // the two stands for a slow disk or a descheduled process.
    const script = `
import json, os, sys, time
path = os.path.expanduser('~/.aws/sso/cache/${tokenFileName(session)}')
f = open(path, 'w')
print('truncated', flush=True)
time.sleep(0.06)
f.write(json.dumps(${JSON.stringify(token)}))
f.close()
`;
    const { createSignIn } = await import('../../main/auth/sign-in');
    const signIn = createSignIn({ paths: sb.paths, env: sb.env, openUrl: () => Promise.resolve() });
    const child = spawn('python3', ['-'], { env: sb.env });
    const truncated = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const done = new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    child.stdin.end(script);
    await truncated;
    expect(await signIn.getAccessToken('race')).toBe(token.accessToken);
    expect(await done).toBe(0);
  });
});
