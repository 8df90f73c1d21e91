import type { Command } from 'commander';
import type { Paths } from '../paths';
import type { EndpointOverrides } from '../aws/endpoints';
import type { Services } from '../services';
import type { ConfigReader } from '../config/config-reader';

export type Output = {
  write(text: string): void;
  isTTY?: boolean;
  /** True once the reader went away (a closed pipe): nothing more will be read. */
  readonly closed?: boolean;
};

/** Everything a command touches from outside, so tests run the CLI in-process against a temp home. */
export type CliContext = {
  paths: Paths;
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  endpoints?: EndpointOverrides;
  /** Opens a URL in the system browser; tests record instead. */
  openUrl: (url: string) => Promise<void>;
  /** Cancelled on Ctrl-C. */
  signal: AbortSignal;
  now: () => number;
  /** ~/.aws/config for the run; default: read once (tests pass one to count parses). */
  config?: ConfigReader;
};

/** A command file's one export: it declares its arguments and, in its action, calls a service and prints. */
export type RegisterCommand = (program: Command, ctx: CliContext, services: Services) => void;
