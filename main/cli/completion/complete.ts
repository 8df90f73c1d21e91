import type { Command } from 'commander';
import { accountsOf } from '../../../app/domain/accounts';
import type { Services } from '../../services';
import type { CliContext } from '../context';
import { pickSession } from '../shared/sessions';
import { shells } from './scripts';

/** Arguments whose values are account or role names, by command path (e.g. "env"). */
const accountArgs = new Set(['env:0', 'console:0', 'credential-process:--account']);
const roleArgs = new Set(['env:1', 'console:1', 'credential-process:--role']);
const sessionArgs = new Set(['sessions set:0']);

type Where = { cmd: Command; path: string; positional: string[]; flags: Map<string, string> };

/** Walks the words typed so far (all but the current one) down the command tree. */
function walk(program: Command, typed: string[]): Where & { pendingOption?: string } {
  let cmd = program;
  const path: string[] = [];
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < typed.length; i++) {
    const w = typed[i]!;
    if (w.startsWith('-')) {
      const opt = cmd.options.find((o) => o.long === w || o.short === w);
      if (opt && (opt.required || opt.optional)) {
        if (i === typed.length - 1) return { cmd, path: path.join(' '), positional, flags, pendingOption: w };
        flags.set(opt.long ?? w, typed[++i]!);
      }
      continue;
    }
    const sub = positional.length === 0 ? cmd.commands.find((c) => c.name() === w) : undefined;
    if (sub) {
      cmd = sub;
      path.push(w);
    } else positional.push(w);
  }
  return { cmd, path: path.join(' '), positional, flags };
}

async function sessionNames(services: Services): Promise<string[]> {
  return (await services.loadSessions()).sessions.map((s) => s.name);
}

/** Account or role names from the role cache only: completion never lists over the network. */
async function cachedNames(
  ctx: CliContext,
  services: Services,
  where: Where,
  kind: 'account' | 'role',
): Promise<string[]> {
  const name = await pickSession(ctx, services, where.flags.get('--session'), { signedInFallback: true });
  const cached = await services.directory.cached(await services.getSession(name));
  if (!cached) return [];
  const accounts = accountsOf(cached.roles);
  if (kind === 'account') return accounts.map((a) => a.accountName);
  const account = where.flags.get('--account') ?? where.positional[0];
  const inAccount = cached.roles.filter(
    (r) => account === undefined || r.accountName === account || r.accountId === account,
  );
  return [...new Set(inAccount.map((r) => r.roleName))];
}

/** Candidates for the last word of `words` (the words after `lanyard`). */
export async function complete(
  program: Command,
  ctx: CliContext,
  services: Services,
  words: string[],
): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const where = walk(program, words.slice(0, -1));
  let out: string[] = [];
  try {
    if (where.pendingOption) {
      const key = `${where.path}:${where.pendingOption}`;
      if (where.pendingOption === '--session') out = await sessionNames(services);
      else if (accountArgs.has(key)) out = await cachedNames(ctx, services, where, 'account');
      else if (roleArgs.has(key)) out = await cachedNames(ctx, services, where, 'role');
      else if (where.pendingOption === '--format')
        out = ['posix', 'fish', 'powershell', 'cmd', 'dotenv', 'json'];
    } else if (current.startsWith('-')) {
      const help = where.cmd.createHelp();
      out = help.visibleOptions(where.cmd).flatMap((o) => (o.long ? [o.long] : []));
    } else {
      const key = `${where.path}:${where.positional.length}`;
      if (where.positional.length === 0 && where.cmd.commands.length > 0)
        out = where.cmd
          .createHelp()
          .visibleCommands(where.cmd)
          .map((c) => c.name());
      else if (accountArgs.has(key)) out = await cachedNames(ctx, services, where, 'account');
      else if (roleArgs.has(key)) out = await cachedNames(ctx, services, where, 'role');
      else if (sessionArgs.has(key)) out = await sessionNames(services);
      else if (where.path === 'completion') out = [...shells];
    }
  } catch {
    // No session, no cache, a broken config: nothing to offer, never an error while typing.
    return [];
  }
  const lower = current.toLowerCase();
  return [...new Set(out)].filter((c) => c.toLowerCase().startsWith(lower));
}
