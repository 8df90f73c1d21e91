// electron-builder run for real (`--linux dir`, offline, stub Electron binary) and the app.asar it
// produces checked file by file: what a user's install would hold, not what the config says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  asarProblems,
  bareImports,
  planWorkerFile,
  readAsarFacts,
  runtimeDependencies,
  trayProblems,
  type AsarFacts,
} from '../support/packaging/asar-check';
import { ensureBuilt, packageApp, repoRoot, type PackagedApp } from '../support/packaging/build';
import { extractPackagedApp } from '../support/packaging/extract';
import { createScene, type Scene } from '../e2e/shell/support/scene';
import { FUSE_DISABLE, FUSE_ENABLE } from '../support/packaging/stub-electron';

let app: PackagedApp;
let facts: AsarFacts;
let scene: Scene | undefined;
const runtime = runtimeDependencies(repoRoot);

beforeAll(async () => {
  ensureBuilt();
  app = await packageApp();
  facts = readAsarFacts(app.asarPath);
}, 180_000);

afterAll(async () => {
  await scene?.close();
  await app?.dispose();
});

describe('the packaged app (electron-builder --linux dir)', () => {
  it('builds offline, without downloading anything', () => {
    expect(app.log).not.toMatch(/download(ing|ed)\b/i);
    expect(readdirSync(app.appOutDir).sort()).toEqual(['lanyard', 'resources']);
  });

  it('app.asar holds the app and nothing else', () => {
    expect(asarProblems(facts, runtime)).toEqual([]);
    expect(facts.main).toBe('dist/electron/main.mjs');
    expect(facts.files).toContain('/dist/electron/main.mjs');
    // Profiles are planned in a worker thread started from this file, beside the main.
    expect(facts.files).toContain('/dist/electron/plan-worker.cjs');
    expect(facts.workerSource).toMatch(/\bplanProfilesText\b/);
    expect(bareImports(facts.workerSource)).toEqual([]);
    expect(facts.files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    // The CLI and the emulator are built into dist/ too but are not part of the desktop app.
    expect(facts.files).not.toContain('/dist/cli.cjs');
    expect(facts.files).not.toContain('/dist/emulator.mjs');
    // React is bundled into the renderer, the hashes into the main, and commander serves the CLI.
    expect(facts.files).not.toContain('/node_modules/react-dom/package.json');
    expect(facts.files).not.toContain('/node_modules/commander/package.json');
    expect(facts.files).not.toContain('/node_modules/@noble/hashes/package.json');
    expect(bareImports(facts.mainSource).filter((i) => i.startsWith('@noble/'))).toEqual([]);
  });

  it('every package the main bundle imports is in the asar, with what it depends on', () => {
    const imports = bareImports(facts.mainSource);
    expect(imports).toEqual(expect.arrayContaining(['@aws-sdk/client-sso-oidc', 'electron-store', 'zod']));
    // Transitive: the SDK clients need @aws-sdk/core and @smithy/*, electron-store needs conf.
    for (const dep of ['@aws-sdk/core', '@smithy/core', 'conf', 'ajv']) {
      expect(facts.files).toContain(`/node_modules/${dep}/package.json`);
    }
  });

  it('the tray icons sit in resources/tray where the shell looks for them', () => {
    expect(trayProblems(readdirSync(join(app.resourcesDir, 'tray')))).toEqual([]);
  });

  it('the fuses in electron-builder.yml are flipped in the executable', async () => {
    const wire = await getCurrentFuseWire(join(app.appOutDir, 'lanyard'));
    // The stub starts from Electron's defaults, so each of these is a real flip.
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FUSE_ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ENABLE);
  });
});

describe('the packaged main, run from the asar under the Electron double', () => {
  it('first launch: signed out with a context menu, the renderer from the asar, a sign-in', async () => {
    // Everything the shell loads comes out of the package: main.mjs, the preload, the renderer,
    // node_modules (the AWS SDK is imported lazily, at the first sign-in) and resources/tray.
    const packaged = await extractPackagedApp(app);
    scene = await createScene();
    // Device code, approved on the emulator's side: the sign-in needs no browser hand-off, so this
    // checks the package, not the opener's URL policy (test/e2e/shell/first-launch.test.ts does PKCE).
    await scene.settings({ signInFlow: 'device' });
    const run = await scene.start({
      mainPath: packaged.main,
      appPath: packaged.appPath,
      resourcesPath: packaged.resourcesPath,
      isPackaged: true,
    });
    // GNOME shows nothing for an icon without a context menu: one is set from the start.
    await run.waitFor(
      () => run.tray.menu()?.some((i) => i.id === 'noSessions' && i.clickable),
      'a tray menu',
    );
    expect(run.tray.image()).toMatchObject({ exists: true });
    expect(run.tray.image()?.path).toBe(join(packaged.resourcesPath, 'tray', 'signed-out.png'));

    await run.tray.clickItem('Add a sign-in…');
    await run.waitFor(() => run.windows.visible(), 'the window to show');
    const page = await run.window();
    await page.getByLabel('Session name').fill('work');
    await page.getByLabel('Start URL').fill('https://d-1234567890.awsapps.com/start');
    await page.getByLabel('Region').fill('us-east-1');
    await page.getByRole('button', { name: 'Add session' }).click();
    await run.waitFor(
      () => run.tray.tooltip()?.includes('work: signed out'),
      'the new session in the tooltip',
    );

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const pending = await run.waitFor(
      () => scene?.aws.emu.control.pendingDeviceCodes()[0],
      'a device code (the SDK loaded from the asar)',
      30_000,
    );
    await expect.poll(() => page.locator('.device__code').textContent()).toBe(pending.userCode);
    scene.aws.emu.control.approveDevice(pending.userCode);
    // The icon comes from resources/tray; the tooltip may say "signed in" before when it ends.
    const signedIn = join(packaged.resourcesPath, 'tray', 'signed-in.png');
    await run.waitFor(
      () =>
        run.tray.image()?.path === signedIn &&
        /^work: signed in(, ends .+)?$/m.test(run.tray.tooltip() ?? ''),
      'signed in: icon and tooltip',
      30_000,
    );

    expect(await run.quit()).toMatchObject({ code: 0, signal: null });
  }, 120_000);
});

describe('the asar checker (so the checks above can fail)', () => {
  it('rejects maps, sources, dev files, devDependencies and a missing main, preload or asset', () => {
    const bad: AsarFacts = {
      ...facts,
      main: 'dist/electron/index.js',
      files: [
        ...facts.files.filter(
          (f) => f !== '/dist/electron/preload.cjs' && f !== planWorkerFile && !f.endsWith('.css'),
        ),
        '/dist/electron/main.mjs.map',
        '/dist/cli.cjs',
        '/docs/performance.md',
        '/test/build/package.test.ts',
        '/node_modules/zod/src/index.ts',
        '/node_modules/vitest',
        '/node_modules/vitest/package.json',
        '/node_modules/conf/node_modules/@types/node/index.d.ts',
      ],
    };
    const problems = asarProblems(bad, runtime).join('\n');
    expect(problems).toMatch(/main \(dist\/electron\/index\.js\) is not in the asar/);
    expect(problems).toMatch(/missing \/dist\/electron\/preload\.cjs/);
    expect(problems).toMatch(/missing \/dist\/electron\/plan-worker\.cjs/);
    expect(problems).toMatch(/index\.html loads assets\/.+\.css, which is missing/);
    expect(problems).toMatch(/source or source map: \/dist\/electron\/main\.mjs\.map/);
    expect(problems).toMatch(/not part of the app: \/dist\/cli\.cjs/);
    expect(problems).toMatch(/not part of the app: \/docs\/performance\.md/);
    expect(problems).toMatch(/not part of the app: \/test\/build\/package\.test\.ts/);
    expect(problems).toMatch(/source or source map: \/node_modules\/zod\/src\/index\.ts/);
    expect(problems).toMatch(/not a runtime dependency: vitest/);
    expect(problems).toMatch(/not a runtime dependency: @types\/node/);
  });

  it('rejects a main bundle import that was not packaged, and missing tray icons', () => {
    const files = facts.files.filter((f) => !f.startsWith('/node_modules/proxy-agent'));
    expect(asarProblems({ ...facts, files }, runtime)).toContain('main imports proxy-agent, not packaged');
    const worker = { ...facts, workerSource: `${facts.workerSource}\nrequire("proxy-agent");` };
    expect(asarProblems({ ...worker, files }, runtime)).toContain(
      'the plan worker imports proxy-agent, not packaged',
    );
    expect(trayProblems(['signed-in.png'])).toContain('missing resources/tray/signed-outTemplate@2x.png');
  });

  it('knows the runtime dependencies from package.json, transitively, and no dev ones', () => {
    expect(runtime).toContain('electron-store');
    expect(runtime).toContain('@smithy/types');
    expect(runtime).not.toContain('vitest');
    expect(runtime).not.toContain('electron');
    expect(runtime).not.toContain('electron-builder');
  });
});
