/**
 * The one gate every renderer request passes: known command, trusted sender, zod-checked payload,
 * and a result that is always data. Handlers may throw; callers never see a raw exception.
 */
import type { z } from 'zod';
import {
  commands,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type IpcError,
  type IpcResult,
} from '../../app/ipc/contract';
import type { LanyardError } from '../../app/errors';
import { isLanyardError } from '../../app/errors';
import { createLogger } from '../log/logger';
import { redactText } from '../log/redact';

const log = createLogger('ipc');

export type IpcHandlers = {
  [C in CommandName]: (request: CommandRequest<C>) => Promise<CommandResponse<C>>;
};

export type DispatchOptions = {
  /** True only for the app's own page (file:// bundle or the dev server); checked on every call. */
  isTrustedSender(url: string): boolean;
};

export type Dispatch = (command: string, payload: unknown, senderUrl: string) => Promise<IpcResult<unknown>>;

const isCommand = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** Error text for a failed parse: which fields and why, never the values (they may be secrets). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((i) => {
    const where = i.path.length ? i.path.map(String).join('.') : '(request)';
    return `${where}: ${i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : issueWords(i)}`;
  });
  if (issues.length > 5) parts.push(`and ${issues.length - 5} more`);
  return parts.join('; ');
}

/** zod's own messages can quote the received value ("Invalid option: expected ... received 'x'"), so we phrase our own. */
function issueWords(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return `expected ${i.expected}`;
    case 'too_small':
      return `too small (minimum ${String(i.minimum)})`;
    case 'too_big':
      return `too big (maximum ${String(i.maximum)})`;
    case 'invalid_format':
      return `invalid ${i.format}`;
    case 'invalid_value':
      return `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'not an accepted value';
    default:
      return 'invalid';
  }
}

export function toIpcError(e: unknown, command: string): IpcError {
  if (isLanyardError(e)) {
    const error: IpcError = { code: e.code, message: redactText(e.message) };
    if (e.details?.hint) error.hint = redactText(e.details.hint);
    return error;
  }
  log.error(`${command} failed unexpectedly`, { error: e instanceof Error ? e : String(e) });
  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside Lanyard.',
    hint: 'Try again; if it keeps happening, the log file has details.',
  };
}

export function createIpcDispatcher(handlers: IpcHandlers, opts: DispatchOptions): Dispatch {
  return async (command, payload, senderUrl) => {
    if (!opts.isTrustedSender(senderUrl)) {
      log.warn('refused a request from an untrusted page', { command, senderUrl });
      return fail('FORBIDDEN', 'This page may not talk to Lanyard.');
    }
    if (!isCommand(command)) return fail('BAD_INPUT', `Unknown command "${command.slice(0, 64)}".`);
    const parsed = commands[command].request.safeParse(payload ?? {});
    if (!parsed.success) {
      return fail('BAD_INPUT', `Invalid request for ${command}: ${describeIssues(parsed.error.issues)}.`);
    }
    const handler = handlers[command] as (req: unknown) => Promise<unknown>;
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      return { ok: false, error: toIpcError(e, command) };
    }
  };
}

function fail(code: LanyardError['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
