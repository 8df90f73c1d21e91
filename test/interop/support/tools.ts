import { execFile } from 'node:child_process';

export type RunResult = { code: number; stdout: string; stderr: string };

function runTool(
  file: string,
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { env, timeout: 20_000, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/**
 * The real AWS CLI v2.9.19. Called by absolute path: the `aws` on PATH is a v1 shim, which would
 * prove nothing about v2.
 */
export const AWS_CLI_V2 = '/usr/bin/aws';

export function awsCli(args: string[], env: Record<string, string>): Promise<RunResult> {
  return runTool(AWS_CLI_V2, args, { ...env, AWS_PAGER: '', AWS_CLI_AUTO_PROMPT: 'off' });
}

/** Runs a Python program (botocore 1.43) given on stdin, with the sandbox's environment. */
export function python(script: string, env: Record<string, string>): Promise<RunResult> {
  return runTool('python3', ['-'], env, script);
}
