import { Command, CommanderError } from 'commander';
import { isLanyardError } from '../../app/errors';
import { safeLines, safeText } from '../../app/text/safe-text';
import { resolvePaths } from '../paths';
import { addLogSink, formatRecord, setLogLevel } from '../log/logger';
import { redactText } from '../log/redact';
import { exitCodes } from './exit-codes';
import type { CliContext } from './context';
import { assertUrl } from '../../app/policy/urls';
import { allowedOrigins } from '../aws/endpoints';
import { openInBrowser } from './open-browser';
import { commands } from './commands';
import { createServices } from '../services';
import { version } from '../../package.json';
import { createConfigReader } from '../config/config-reader';
import { stdOutput } from './std-output';

export function defaultContext(): CliContext {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const env = process.env;
  return {
    paths: resolvePaths(),
    env,
    // When the reader goes away (`| head`), work whose output nobody will read stops.
    stdout: stdOutput(
      1,
      () => process.stdout,
      () => controller.abort(),
    ),
    stderr: stdOutput(2, () => process.stderr),
    // The last gate before the system browser, the same policy the desktop's opener applies.
    openUrl: (url) => openInBrowser(assertUrl(url, 'browser', allowedOrigins(env))),
    signal: controller.signal,
    now: Date.now,
  };
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('lanyard')
    .description('AWS IAM Identity Center from your desktop: sign in once, use every account and role.')
    .version(version, '-V, --version', 'print the version')
    .option('-v, --verbose', 'log what Lanyard does to stderr (secrets are always masked)')
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  program.hook('preAction', (cmd) => {
    if (cmd.opts<{ verbose?: boolean }>().verbose) {
      setLogLevel('debug');
      addLogSink((r) => ctx.stderr.write(`${formatRecord(r)}\n`));
    }
  });
  // One set of services per run: one portal (one rate limiter) for listing, credentials and the console.
  const services = createServices({
    paths: ctx.paths,
    env: ctx.env,
    endpoints: ctx.endpoints,
    opener: { open: ctx.openUrl },
    now: ctx.now,
    // A run reads and parses ~/.aws/config once; Lanyard's own writes invalidate it.
    config: ctx.config ?? createConfigReader(ctx.paths, { once: true, rememberIn: ctx.paths.dataDir }),
  });
  for (const register of commands) register(program, ctx, services);
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: string[], ctx: CliContext = defaultContext()): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    // The reader had what it wanted (`| head`); the run stopped because of that, not in error.
    if (ctx.stdout.closed) return 0;
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : exitCodes.BAD_INPUT;
    if (isLanyardError(e)) {
      // Messages can carry server-supplied names and config values: printed inert (safeLines).
      ctx.stderr.write(`lanyard: ${safeLines(redactText(e.message))}\n`);
      if (e.details?.candidates?.length)
        ctx.stderr.write(
          `  did you mean:\n${e.details.candidates.map((c) => `    ${safeText(c)}\n`).join('')}`,
        );
      if (e.details?.hint) ctx.stderr.write(`  ${safeLines(e.details.hint)}\n`);
      return exitCodes[e.code];
    }
    const err = e instanceof Error ? e : new Error(String(e));
    ctx.stderr.write(`lanyard: unexpected error: ${redactText(err.message)}\n`);
    return exitCodes.INTERNAL;
  }
}
