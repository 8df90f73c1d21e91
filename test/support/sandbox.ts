import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { resolvePaths, type Paths } from '../../main/paths';

/**
 * A throw-away home for one test file: `HOME/.aws/` (with `sso/cache/`), Lanyard's data folder,
 * and an environment that points every AWS tool (Lanyard, botocore, the AWS CLI, the JS SDK) at it
 * and at nothing of the developer's. Always `await sandbox.cleanup()` in afterAll/afterEach.
 */
export type Sandbox = {
  home: string;
  awsDir: string;
  paths: Paths;
  /**
   * Environment for child processes and for code that takes `env`: HOME and the config/credentials
   * variables point into the sandbox, AWS_* variables of the outer shell are dropped, PATH is kept.
   */
  env: Record<string, string>;
  /** Writes `~/.aws/config` (creating `.aws/`). */
  writeConfig(text: string): Promise<void>;
  readConfig(): Promise<string>;
  /** Absolute path of a file in `~/.aws/sso/cache/`. */
  cacheFile(name: string): string;
  /** Adds variables (e.g. an emulator's `env`) to `env`, returning the sandbox for chaining. */
  withEnv(extra: Record<string, string | undefined>): Sandbox;
  /** Every file under HOME with its bytes and mode: compare two snapshots to prove nothing changed. */
  snapshot(): Promise<Map<string, { content: string; mode: number }>>;
  cleanup(): Promise<void>;
};

export type SandboxOptions = {
  /** Initial `~/.aws/config` contents. */
  config?: string;
  /** Extra environment variables. */
  env?: Record<string, string | undefined>;
};

function baseEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('AWS_') || k.startsWith('LANYARD_')) continue;
    env[k] = v;
  }
  env.HOME = home;
  env.USERPROFILE = home;
  env.AWS_CONFIG_FILE = join(home, '.aws', 'config');
  env.AWS_SHARED_CREDENTIALS_FILE = join(home, '.aws', 'credentials');
  env.LANYARD_DATA_DIR = join(home, 'lanyard-data');
  // As bin/lanyard.js sets it for users: no SDK notice about Node's support window on stderr.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // Keep Python from writing bytecode caches or reading the developer's site settings into the sandbox.
  env.PYTHONDONTWRITEBYTECODE = '1';
  env.PYTHONNOUSERSITE = '1';
  return env;
}

async function walk(root: string, dir: string, out: Map<string, { content: string; mode: number }>) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, full, out);
    else if (entry.isFile())
      out.set(relative(root, full), {
        content: await readFile(full, 'utf8'),
        mode: (await stat(full)).mode & 0o777,
      });
  }
}

export async function createSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const home = await mkdtemp(join(tmpdir(), 'lanyard-home-'));
  const awsDir = join(home, '.aws');
  await mkdir(join(awsDir, 'sso', 'cache'), { recursive: true });
  const env = baseEnv(home);
  const sandbox: Sandbox = {
    home,
    awsDir,
    paths: resolvePaths(env),
    env,
    async writeConfig(text) {
      await mkdir(awsDir, { recursive: true });
      await writeFile(join(awsDir, 'config'), text);
    },
    readConfig: () => readFile(join(awsDir, 'config'), 'utf8'),
    cacheFile: (name) => join(awsDir, 'sso', 'cache', name),
    withEnv(extra) {
      for (const [k, v] of Object.entries(extra)) {
        if (v === undefined) delete env[k];
        else env[k] = v;
      }
      return sandbox;
    },
    async snapshot() {
      const out = new Map<string, { content: string; mode: number }>();
      await walk(home, home, out);
      return out;
    },
    cleanup: () => rm(home, { recursive: true, force: true }),
  };
  if (opts.env) sandbox.withEnv(opts.env);
  if (opts.config !== undefined) await sandbox.writeConfig(opts.config);
  return sandbox;
}
