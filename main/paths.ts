import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Every place on disk Lanyard reads or writes. Injected everywhere so tests use a temporary home. */
export type Paths = {
  home: string;
  /** `~/.aws/config`, or `AWS_CONFIG_FILE`. */
  awsConfigFile: string;
  /** `~/.aws/sso/cache`: shared with the AWS CLI and the SDKs; no variable moves it in any of them. */
  ssoCacheDir: string;
  /** Lanyard's own folder (role cache, settings, logs): never inside `~/.aws`. */
  dataDir: string;
};

type Env = Record<string, string | undefined>;

function expandHome(p: string, home: string): string {
  return p === '~' || p.startsWith('~/') ? join(home, p.slice(1)) : p;
}

function defaultDataDir(home: string, env: Env, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lanyard');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lanyard');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'lanyard');
}

/** Resolves paths the way botocore and the JS SDK do: `$HOME` first, then the OS's idea of home. */
export function resolvePaths(env: Env = process.env, platform: NodeJS.Platform = process.platform): Paths {
  const home = env.HOME || env.USERPROFILE || homedir();
  const awsConfigFile = env.AWS_CONFIG_FILE
    ? resolve(expandHome(env.AWS_CONFIG_FILE, home))
    : join(home, '.aws', 'config');
  const dataDir = env.LANYARD_DATA_DIR
    ? resolve(expandHome(env.LANYARD_DATA_DIR, home))
    : defaultDataDir(home, env, platform);
  return { home, awsConfigFile, ssoCacheDir: join(home, '.aws', 'sso', 'cache'), dataDir };
}
