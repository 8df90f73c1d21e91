// `npm run demo`: Lanyard against a local IAM Identity Center emulator, with no AWS org and
// without touching your own ~/.aws. Everything lives under .demo-home/ in the repo (gitignored).
//   1. builds what is stale, 2. starts the emulator (sessions last 10 minutes, so the end is near),
//   3. writes [sso-session lanyard-demo] into .demo-home/.aws/config, 4. launches the tray app
//   pointed at the emulator — or, where the Electron binary is not installed, walks the same core
//   through the CLI (device-code sign-in, status with the session's end, roles, env, the console
//   URL followed to the console, the profiles plan), then runs the BUILT tray app under the
//   Electron double the tests use: tray text, window screenshots, the warning before the end.
// Flags: --cli (CLI walk-through even if Electron is installed), --keep (leave the sign-in cache),
//   --no-tray (skip the tray part of the walk-through).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const SESSION = 'lanyard-demo';
const REGION = 'us-east-1';
// Looks like an access portal; the emulator answers for it and it is never fetched.
const START_URL = 'https://d-0000000000.awsapps.com/start';

const say = (text) => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dev') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIfNeeded(withRenderer) {
  const sources = Math.max(...['app', 'main', 'emulator'].map((d) => newestMtime(join(root, d))));
  const outputs = [
    'dist/cli.cjs',
    'dist/cli-boot.cjs',
    'dist/emulator.mjs',
    'dist/electron/main.mjs',
    'dist/electron/preload.cjs',
  ];
  let stale = outputs.some((o) => newestMtime(join(root, o)) < sources);
  if (withRenderer) {
    const rendererSrc = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'app')));
    stale ||= newestMtime(join(root, 'dist/renderer/index.html')) < rendererSrc;
  }
  if (!stale) return;
  say(`Building (${withRenderer ? 'all' : 'node'})`);
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), withRenderer ? 'all' : 'node'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * The Electron binary, or null with the reason. Read the way node_modules/electron/index.js does,
 * without calling it: requiring it downloads a missing binary, and the demo must not reach out.
 */
function findElectron() {
  const pkg = join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    );
    return existsSync(bin) ? { bin } : { bin: null, why: `ELECTRON_OVERRIDE_DIST_PATH has no ${bin}` };
  }
  if (!existsSync(join(pkg, 'path.txt'))) {
    return {
      bin: null,
      why: 'the electron package has no downloaded binary (node_modules/electron/path.txt is missing)',
    };
  }
  const bin = join(pkg, 'dist', readFileSync(join(pkg, 'path.txt'), 'utf8').trim());
  return existsSync(bin) ? { bin } : { bin: null, why: `${bin} does not exist` };
}

function startEmulator(autoApprove) {
  // Ten-minute sessions: the walk-through shows the end coming and the warning before it.
  const flags = ['--port', '0', '--accounts', '8', '--seed', '7', '--quiet', '--session-length', '10m'];
  if (autoApprove) flags.push('--auto-approve');
  const child = spawn(process.execPath, [join(root, 'dist/emulator.mjs'), ...flags], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the emulator did not start within 15 s')), 15_000);
    child.on('exit', (code) => reject(new Error(`the emulator exited early (code ${code})`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ url: m[1], child });
      }
    });
  });
}

function stopEmulator(emu) {
  return new Promise((resolve) => {
    if (emu.child.exitCode !== null) return resolve();
    emu.child.once('exit', () => resolve());
    emu.child.kill('SIGTERM');
  });
}

function writeDemoHome(home) {
  const aws = join(home, '.aws');
  mkdirSync(aws, { recursive: true });
  // A fresh emulator knows none of the old tokens: start from a clean sign-in cache.
  // Role credentials in the AWS CLI's cache came from that old emulator too.
  if (!args.has('--keep')) {
    rmSync(join(aws, 'sso', 'cache'), { recursive: true, force: true });
    rmSync(join(aws, 'cli', 'cache'), { recursive: true, force: true });
  }
  const config = join(aws, 'config');
  writeFileSync(
    config,
    `# Written by scripts/demo.mjs for the local emulator; safe to delete.\n` +
      `[sso-session ${SESSION}]\nsso_start_url = ${START_URL}\nsso_region = ${REGION}\n` +
      `sso_registration_scopes = sso:account:access\n`,
    { mode: 0o600 },
  );
  return config;
}

function demoEnv(home, config, emulatorUrl) {
  const env = { ...process.env };
  for (const k of [
    'AWS_PROFILE',
    'AWS_DEFAULT_PROFILE',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
  ]) {
    delete env[k];
  }
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    LANYARD_DATA_DIR: join(home, 'lanyard'),
    AWS_ENDPOINT_URL_SSO_OIDC: emulatorUrl,
    AWS_ENDPOINT_URL_SSO: emulatorUrl,
    LANYARD_FEDERATION_URL: `${emulatorUrl}/federation`,
    // The tray app runs on Electron's Node 22; under this machine's Node the SDK would print a notice.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

function cliCommands() {
  const r = spawnSync(process.execPath, [join(root, 'bin/lanyard.js'), '--help'], { encoding: 'utf8' });
  const section = r.stdout.split(/^Commands:$/m)[1] ?? '';
  return new Set([...section.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]));
}

function lanyard(env, argv, capture = false) {
  console.log(`$ lanyard ${argv.join(' ')}`);
  const r = spawnSync(process.execPath, [join(root, 'bin/lanyard.js'), ...argv], {
    env,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
  });
  if (capture && r.stdout) process.stdout.write(r.stdout);
  return r;
}

async function cliWalkthrough(env, emulatorUrl) {
  const available = cliCommands();
  const missing = (name, what) => {
    console.log(`(the \`lanyard ${name}\` command is not in this build yet; it would ${what})`);
  };

  say('Sign in with a device code (the emulator approves it, as a person would in the browser)');
  const login = lanyard(env, ['login', '--session', SESSION, '--device-code', '--no-browser']);
  if (login.status !== 0) throw new Error(`login failed (exit ${login.status})`);
  if (available.has('status')) {
    say("Tell Lanyard this organisation's session length (the emulator's is 10 minutes), then the status");
    lanyard(env, ['sessions', 'set', SESSION, '--session-length', '10m']);
    lanyard(env, ['status']);
  }

  say('List every account and role the sign-in can use');
  let pick;
  if (available.has('roles')) {
    lanyard(env, ['roles', '--session', SESSION, '--refresh']);
    // The --json form (a stable RolesJson document) picks the role for the next step, quietly.
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/lanyard.js'), 'roles', '--session', SESSION, '--json'],
      {
        env,
        encoding: 'utf8',
      },
    );
    try {
      pick = JSON.parse(r.stdout).roles?.[0];
    } catch {
      pick = undefined;
    }
  } else {
    missing('roles', 'list the 8 demo accounts and their roles (ListAccounts + ListAccountRoles)');
  }

  say('Print temporary credentials for one role as shell exports');
  const account = pick?.accountId ?? pick?.account_id;
  const role = pick?.roleName ?? pick?.role_name;
  if (available.has('env') && account && role) {
    lanyard(env, ['env', String(account), String(role), '--session', SESSION, '--format', 'posix']);
  } else if (available.has('env')) {
    console.log('(no role to pick from `lanyard roles --json`; skipping `lanyard env`)');
  } else {
    missing(
      'env',
      'print AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN exports for one role',
    );
  }

  if (available.has('console') && account && role) {
    say('Open the AWS console as that role: the sign-in URL, followed to the console');
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'bin/lanyard.js'),
        'console',
        String(account),
        String(role),
        '--session',
        SESSION,
        '--print',
      ],
      { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const url = r.stdout.trim();
    console.log(
      `$ lanyard console ${account} ${role} --print\n${url.slice(0, 120)}${url.length > 120 ? '…' : ''}`,
    );
    if (r.status === 0 && url) await followToConsole(url, emulatorUrl);
  }

  if (available.has('profiles')) {
    say('Preview the ~/.aws/config profiles Lanyard would write (nothing is written without --write)');
    lanyard(env, ['profiles', '--session', SESSION]);
  }
  console.log(`\nThe emulator at ${emulatorUrl} also serves ${emulatorUrl}/device (device approval page).`);
}

/** Follows the sign-in redirects on the emulator, stopping at the first page on another host. */
async function followToConsole(start, emulatorUrl) {
  let url = start;
  for (let hop = 0; hop < 5 && url.startsWith(emulatorUrl); hop++) {
    const res = await fetch(url, { redirect: 'manual' });
    const next = res.headers.get('location');
    console.log(`  ${res.status} ${new URL(url).pathname}${next ? ` → ${next.slice(0, 100)}` : ''}`);
    if (!next) return;
    url = new URL(next, url).href;
  }
  console.log(`  lands on ${new URL(url).origin} (the AWS console), signed in as the role`);
}

/** The built tray app under the Electron double (tsx runs the TypeScript helper). */
function trayWalkthrough(env) {
  say('The tray app, run headless (Electron cannot start here)');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/demo-tray.ts')], {
    cwd: root,
    env: { ...env, LANYARD_DEMO_ENV: JSON.stringify(env) },
    stdio: 'inherit',
  });
  if (r.status !== 0) console.log('(the headless tray run did not finish; see the message above)');
}

async function main() {
  const electron = args.has('--cli') ? { bin: null, why: '--cli was given' } : findElectron();
  const headlessTray = !electron.bin && !args.has('--no-tray');
  buildIfNeeded(Boolean(electron.bin) || headlessTray);
  const home = join(root, '.demo-home');
  const config = writeDemoHome(home);

  say(`Starting the Identity Center emulator${electron.bin ? '' : ' (auto-approve)'}`);
  const emu = await startEmulator(!electron.bin);
  console.log(`emulator: ${emu.url}\ndemo home: ${home}\nconfig: ${config}`);
  const env = demoEnv(home, config, emu.url);
  const stop = () => stopEmulator(emu);
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));

  try {
    if (electron.bin) {
      say('Launching Lanyard (quit it from the tray menu to end the demo)');
      console.log(`Sign in from the tray; approve on the emulator's page that opens in your browser.`);
      await new Promise((resolve) => {
        const app = spawn(electron.bin, [root], { env, stdio: 'inherit' });
        app.on('exit', resolve);
      });
    } else {
      console.log(
        `\nElectron is not installed here (${electron.why}),\nso the demo runs the same core through the CLI instead.`,
      );
      await cliWalkthrough(env, emu.url);
      if (headlessTray) trayWalkthrough(env);
      console.log(
        `\nThe window's screenshots are in ${join(home, 'screenshots')}; \`npm test\` also writes every screen,\n` +
          'light and dark, to test-results/screenshots/.',
      );
    }
  } finally {
    say('Stopping the emulator');
    await stop();
  }
}

main().catch((e) => {
  console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
