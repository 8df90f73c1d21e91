// Cost of a silent refresh: getAccessToken on a token inside the refresh window, against the emulator
// (real CreateToken over loopback HTTP, cache file rewritten atomically), versus the bare SDK call.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTokenCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { startEmulator } from '../emulator/index';
import { createSignIn } from '../main/auth/sign-in';
import { writeTokenFile } from '../main/auth/token-cache';
import { resolvePaths } from '../main/paths';
import type { SsoSession } from '../app/domain/session';
import { median, printTable, runs } from './support';

const N = runs(40);
const START_URL = 'https://d-9000000040.awsapps.com/start';
const session: SsoSession = {
  name: 'bench',
  kind: 'sso-session',
  startUrl: START_URL,
  region: 'us-east-1',
  scopes: ['sso:account:access'],
};

const home = await mkdtemp(join(tmpdir(), 'lanyard-bench-refresh-'));
const emu = await startEmulator({ throttle: false, accessTokenTtlSeconds: 60 });
try {
  const env = { HOME: home, ...emu.env };
  const paths = resolvePaths(env);
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(home, '.aws'), { recursive: true });
  await writeFile(
    paths.awsConfigFile,
    `[sso-session bench]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
  );

  const seed = async () => {
    const t = emu.control.issueToken({ refreshable: true });
    await writeTokenFile(paths, session, {
      startUrl: START_URL,
      region: 'us-east-1',
      accessToken: t.accessToken,
      expiresAt: t.expiresAt, // 60 s left: inside the 15-minute refresh window
      clientId: t.clientId,
      clientSecret: t.clientSecret,
      registrationExpiresAt: Date.now() + 86_400_000,
      refreshToken: t.refreshToken,
    });
    return t;
  };

  const lanyard: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < N + 3; i++) {
    await seed();
    // A new manager each time: one refresh attempt a minute per session is the rule inside one.
    const signIn = createSignIn({ paths, env, openUrl: () => Promise.resolve() });
    const t0 = performance.now();
    const token = await signIn.getAccessToken('bench');
    const ms = performance.now() - t0;
    if (!token) throw new Error('no token');
    if (i === 0) cold.push(ms);
    else if (i >= 3) lanyard.push(ms);
  }

  const sdk: number[] = [];
  const client = new SSOOIDCClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  for (let i = 0; i < N + 3; i++) {
    const t = emu.control.issueToken({ refreshable: true });
    const t0 = performance.now();
    await client.send(
      new CreateTokenCommand({
        clientId: t.clientId,
        clientSecret: t.clientSecret,
        grantType: 'refresh_token',
        refreshToken: t.refreshToken,
      }),
    );
    if (i >= 3) sdk.push(performance.now() - t0);
  }
  client.destroy();

  const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
  printTable([
    {
      what: 'Lanyard silent refresh (getAccessToken, file rewritten)',
      runs: lanyard.length,
      medianMs: median(lanyard),
      p90Ms: p90(lanyard),
    },
    {
      what: 'first refresh in the process (SDK import, cold)',
      runs: cold.length,
      medianMs: median(cold),
      p90Ms: cold[0]!,
    },
    {
      what: 'bare SDK CreateToken (refresh_token), warm client',
      runs: sdk.length,
      medianMs: median(sdk),
      p90Ms: p90(sdk),
    },
  ]);
  console.log(`node ${process.version}, emulator on loopback, no added latency`);
} finally {
  await emu.close();
  await rm(home, { recursive: true, force: true });
}
