import { LanyardError } from '../errors';
import type { RoleCredentials } from '../domain/credentials';

export const envFormats = ['posix', 'fish', 'powershell', 'cmd', 'dotenv', 'json'] as const;
export type EnvFormat = (typeof envFormats)[number];

export function isEnvFormat(s: string): s is EnvFormat {
  return (envFormats as readonly string[]).includes(s);
}

/**
 * The AWS CLI's expiration text: Python's `isoformat()` of an aware UTC datetime, whole seconds,
 * `+00:00` rather than `Z` (protocol doc §6.2). botocore, the JS SDK and the CLI all parse it.
 */
export function isoExpiration(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The variables in the order the AWS CLI prints them, region last when one was chosen. */
export function credentialEnv(creds: RoleCredentials, region?: string): Array<[string, string]> {
  const vars: Array<[string, string]> = [
    ['AWS_ACCESS_KEY_ID', creds.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', creds.secretAccessKey],
    ['AWS_SESSION_TOKEN', creds.sessionToken],
    ['AWS_CREDENTIAL_EXPIRATION', isoExpiration(creds.expiration)],
  ];
  if (region) vars.push(['AWS_REGION', region], ['AWS_DEFAULT_REGION', region]);
  return vars;
}

// Quoting is hand-written: shell-quote and friends cover POSIX sh only, and each format here needs
// its own (small, single-quote based) rule. Single quotes are the one form no shell expands inside.

/** POSIX sh/bash/zsh: inside '…' nothing is special; a ' is closed, escaped and reopened. */
export function quotePosix(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

/** fish: inside '…' only \\ and \' are escapes. */
export function quoteFish(v: string): string {
  return `'${v.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** PowerShell: inside '…' a quote is doubled; PowerShell also treats the typographic single quotes as quotes. */
export function quotePowerShell(v: string): string {
  return `'${v.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}

/**
 * cmd.exe has no quoting that stops %VAR% (and !VAR! with delayed expansion) from expanding, so
 * values that cmd would alter are refused instead of printed wrong. Credentials never contain them.
 */
export function quoteCmd(name: string, v: string): string {
  if (/["%!\r\n^]/.test(v))
    throw new LanyardError('BAD_INPUT', `The value of ${name} cannot be written safely for cmd.exe.`, {
      hint: 'Use --format powershell or json instead.',
    });
  return `set "${name}=${v}"`;
}

/**
 * dotenv: single quotes are literal in dotenv (npm), python-dotenv, docker compose and bash;
 * values that hold a quote or a newline fall back to double quotes with backslash escapes.
 */
export function quoteDotenv(v: string): string {
  if (!/['\n\r]/.test(v)) return `'${v}'`;
  return `"${v
    .replace(/[\\"$`]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')}"`;
}

function checkNoNul(vars: Array<[string, string]>): void {
  for (const [name, value] of vars)
    if (value.includes('\0'))
      throw new LanyardError('BAD_INPUT', `The value of ${name} contains a NUL byte.`);
}

/** Renders variables for a shell to evaluate; every line ends with a newline. */
export function formatEnv(vars: Array<[string, string]>, format: EnvFormat): string {
  checkNoNul(vars);
  switch (format) {
    case 'posix':
      return vars.map(([n, v]) => `export ${n}=${quotePosix(v)}\n`).join('');
    case 'fish':
      return vars.map(([n, v]) => `set -gx ${n} ${quoteFish(v)}\n`).join('');
    case 'powershell':
      return vars.map(([n, v]) => `$Env:${n}=${quotePowerShell(v)}\n`).join('');
    case 'cmd':
      return vars.map(([n, v]) => `${quoteCmd(n, v)}\r\n`).join('');
    case 'dotenv':
      return vars.map(([n, v]) => `${n}=${quoteDotenv(v)}\n`).join('');
    case 'json':
      return `${JSON.stringify(Object.fromEntries(vars), null, 2)}\n`;
  }
}
