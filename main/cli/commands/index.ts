import type { Command } from 'commander';
import type { CliContext } from '../context';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Each command lives in its own file and is listed here once. */
export const commands: RegisterCommand[] = [];
