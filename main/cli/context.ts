import type { Paths } from '../paths';
import type { EndpointOverrides } from '../aws/endpoints';

export type Output = { write(text: string): void; isTTY?: boolean };

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
};
