import type { Command } from 'commander';
import type { CliContext } from '../context';
import { registerLogin } from './login';
import { registerLogout } from './logout';
import { registerStatus } from './status';
import { registerSessions } from './sessions';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Each command lives in its own file and is listed here once. */
export const commands: RegisterCommand[] = [registerLogin, registerLogout, registerStatus, registerSessions];
