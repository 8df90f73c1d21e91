import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLanyardError } from '../../../app/errors';
import { addSsoSession, getSession, loadSessions } from '../../../main/config/sessions';
import { createSandbox, type Sandbox } from '../../support/sandbox';

let sb: Sandbox;
beforeEach(async () => {
  sb = await createSandbox();
});
afterEach(async () => sb.cleanup());

const fails = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );
const acme = { name: 'acme', startUrl: 'https://d-1.awsapps.com/start', region: 'eu-west-1' };

describe('sessions', () => {
  it('a missing config means no sessions and no warnings', async () => {
    expect(await loadSessions(sb.paths)).toEqual({ sessions: [], warnings: [] });
  });

  it('reads scopes, skips incomplete sessions with a warning, and never crashes on a malformed file', async () => {
    await sb.writeConfig(
      [
        'garbage line',
        '[sso-session a]',
        'sso_start_url = https://a.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_registration_scopes =  sso:account:access , codewhisperer:x ,',
        '[sso-session half]',
        'sso_region = us-east-1',
        '[profile uses-session]',
        'sso_session = a',
        'sso_start_url = https://a.awsapps.com/start',
        '[profile "legacy one"]',
        'sso_start_url = https://b.awsapps.com/start',
        'sso_region = eu-west-1',
        '',
      ].join('\n'),
    );
    const { sessions, warnings } = await loadSessions(sb.paths);
    expect(sessions).toEqual([
      {
        name: 'a',
        kind: 'sso-session',
        startUrl: 'https://a.awsapps.com/start',
        region: 'us-east-1',
        scopes: ['sso:account:access', 'codewhisperer:x'],
      },
      {
        name: 'legacy one',
        kind: 'legacy-profile',
        startUrl: 'https://b.awsapps.com/start',
        region: 'eu-west-1',
        scopes: [],
      },
    ]);
    expect(warnings.join('\n')).toMatch(/line 1/);
    expect(warnings.join('\n')).toMatch(/\[sso-session half\] is missing sso_start_url/);
  });

  it('getSession names the known sessions when the name is unknown', async () => {
    await addSsoSession(sb.paths, acme);
    expect((await getSession(sb.paths, 'acme')).region).toBe('eu-west-1');
    const e = await fails(getSession(sb.paths, 'nope'));
    expect(isLanyardError(e) && e.code).toBe('UNKNOWN_SESSION');
    expect((e as Error).message).toMatch(/Known sessions: acme/);
  });

  it('adds once, is a no-op when identical, and never overwrites a different one', async () => {
    await sb.writeConfig('[default]\nregion = x');
    expect(await addSsoSession(sb.paths, acme)).toEqual({ changed: true });
    const text = await sb.readConfig();
    expect(text).toMatch(/^\[default\]\nregion = x\n\[sso-session acme\]\n# Managed by Lanyard/);
    expect(await addSsoSession(sb.paths, acme)).toEqual({ changed: false });
    const e = await fails(addSsoSession(sb.paths, { ...acme, region: 'us-east-1' }));
    expect(isLanyardError(e) && e.code).toBe('CONFIG');
    expect(await sb.readConfig()).toBe(text);
  });

  it('rejects bad input with a message and writes nothing', async () => {
    for (const bad of [
      { ...acme, name: 'has space' },
      { ...acme, startUrl: 'http://d-1.awsapps.com/start' },
      { ...acme, region: 'mars' },
    ]) {
      const e = await fails(addSsoSession(sb.paths, bad));
      expect(isLanyardError(e) && e.code).toBe('BAD_INPUT');
    }
    expect(await sb.snapshot()).toEqual(new Map());
  });

  it('an unreadable config is a warning, not a crash', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(sb.paths.awsConfigFile);
    const r = await loadSessions(sb.paths);
    expect(r.sessions).toEqual([]);
    expect(r.warnings[0]).toMatch(/is a folder/);
  });

  it('reads a file with a byte-order mark as it is: the BOM is reported, the sessions still found', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      sb.paths.awsConfigFile,
      '\ufeff[sso-session corp]\nsso_start_url = https://d-1.awsapps.com/start\nsso_region = us-east-1\n',
    );
    const r = await loadSessions(sb.paths);
    expect(r.sessions.map((s) => s.name)).toEqual(['corp']);
    expect(r.warnings.join('\n')).toMatch(/byte-order mark/);
  });

  it('refuses to rewrite a file that is not UTF-8', async () => {
    await sb.writeConfig('');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(sb.paths.awsConfigFile, Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0x78, 0x3d, 0xff, 0x0a]));
    const e = await fails(addSsoSession(sb.paths, acme));
    expect(isLanyardError(e) && e.code).toBe('CONFIG');
    expect((await loadSessions(sb.paths)).warnings[0]).toMatch(/UTF-8/);
  });
});
