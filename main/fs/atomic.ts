import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open, readFile, readlink, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { LanyardError } from '../../app/errors';
import { removeStaleTemps } from './stale-temps';

/**
 * Hand-written rather than `write-file-atomic` because Lanyard needs a compare-and-swap step between
 * writing the temp file and renaming it (`expected`), a backup of the previous bytes, and read-only
 * checks that also hold when running as root; write-file-atomic has no hook for any of these.
 */
export type WriteAtomicOptions = {
  /**
   * Forces this mode on the file, new or existing (secrets: token and registration caches). Without
   * it a new file is 0600 and an existing file keeps its own mode (the user's ~/.aws/config).
   */
  mode?: number;
  /** Copy the previous content to `<path>.lanyard.bak` (same mode) before replacing it. */
  backup?: boolean;
  /**
   * The content the caller planned against (`''` for "no file yet"). If the file holds anything else
   * just before the rename, nothing is replaced and a LanyardError('FILE') with FILE_CHANGED_HINT is thrown.
   */
  expected?: string;
  /** Test seam: runs after the temp file is durable and before the final check and rename. */
  beforeRename?: () => Promise<void> | void;
};

export type WriteAtomicResult = { path: string; backupPath?: string };

/**
 * `details.hint` of the error thrown when the file changed between planning and writing. It is
 * printed as it is when the change keeps happening (the callers retry first), so it is words.
 */
export const FILE_CHANGED_HINT =
  'Another program kept changing the file while Lanyard wrote it. Close editors or tools that write it, then try again.';

export function isFileChangedError(e: unknown): e is LanyardError {
  return e instanceof LanyardError && e.code === 'FILE' && e.details?.hint === FILE_CHANGED_HINT;
}

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
}

/** Follows a chain of symlinks (even a dangling one) to the file that should really be written. */
async function resolveTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch (e) {
      if (errno(e) === 'ENOENT') return current;
      throw e;
    }
    if (!isLink) return current;
    const link = await readlink(current);
    current = isAbsolute(link) ? link : resolve(dirname(current), link);
  }
  throw new LanyardError('FILE', `Too many symbolic links while resolving ${path}.`);
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/** Creates missing parent folders with mode 0700 (like the AWS CLI does for ~/.aws). */
async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

// Permission bits are checked by hand: root ignores them, and Lanyard must still respect a person's
// "read-only" choice on their config file.
async function assertWritable(target: string, existingMode: number | undefined): Promise<void> {
  if (existingMode !== undefined && (existingMode & 0o222) === 0) {
    throw new LanyardError('FILE', `${target} is read-only; Lanyard did not change it.`, {
      hint: 'Make the file writable (chmod u+w) and try again.',
    });
  }
  const dir = dirname(target);
  const dirMode = (await stat(dir)).mode;
  if ((dirMode & 0o222) === 0) {
    throw new LanyardError(
      'FILE',
      `The folder ${dir} is read-only; Lanyard did not change ${basename(target)}.`,
      {
        hint: 'Make the folder writable (chmod u+w) and try again.',
      },
    );
  }
}

async function writeDurable(path: string, data: string | Buffer, mode: number): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    await handle.writeFile(data);
    // The umask may have narrowed the mode at creation: set it exactly.
    await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; some platforms cannot open folders, which is fine.
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

function tempName(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.lanyard-${Buffer.from(crypto.getRandomValues(new Uint8Array(6))).toString('hex')}.tmp`,
  );
}

/** Writes `data` via a temp file + fsync + rename, so readers only ever see the old or the new content. */
async function replaceAtomically(
  target: string,
  data: string | Buffer,
  mode: number,
  hook?: () => Promise<void>,
) {
  const tmp = tempName(target);
  try {
    await writeDurable(tmp, data, mode);
    if (hook) await hook();
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDir(dirname(target));
}

function fileError(e: unknown, path: string): LanyardError {
  if (e instanceof LanyardError) return e;
  const code = errno(e);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new LanyardError('FILE', `No permission to write ${path}; nothing was changed.`, {
      hint: 'Check the permissions of the file and its folder.',
    });
  }
  if (code === 'ENOSPC') return new LanyardError('FILE', `The disk is full; ${path} was not changed.`);
  if (code === 'EISDIR') return new LanyardError('FILE', `${path} is a folder, not a file.`);
  const why = e instanceof Error ? e.message : String(e);
  return new LanyardError('FILE', `Could not write ${path}: ${why}`);
}

export async function writeFileAtomic(
  path: string,
  data: string | Buffer,
  options: WriteAtomicOptions = {},
): Promise<WriteAtomicResult> {
  try {
    const target = await resolveTarget(path);
    await ensureDir(dirname(target));
    const existing = await stat(target).catch((e: unknown) => {
      if (errno(e) === 'ENOENT') return undefined;
      throw e;
    });
    if (existing?.isDirectory()) throw new LanyardError('FILE', `${path} is a folder, not a file.`);
    const existingMode = existing ? existing.mode & 0o7777 : undefined;
    await assertWritable(target, existingMode);
    const mode = options.mode ?? existingMode ?? 0o600;

    const result: WriteAtomicResult = { path: target };
    const checkUnchanged = async () => {
      if (options.beforeRename) await options.beforeRename();
      if (options.expected === undefined) return;
      const now = await readIfExists(target);
      if ((now?.toString('utf8') ?? '') !== options.expected) {
        throw new LanyardError(
          'FILE',
          `${path} was changed by another program while Lanyard was writing it.`,
          {
            hint: FILE_CHANGED_HINT,
          },
        );
      }
    };

    if (options.backup && existing) {
      const previous = await readIfExists(target);
      if (previous !== undefined) {
        const backupPath = `${resolve(path)}.lanyard.bak`;
        const backupTarget = await resolveTarget(backupPath);
        const backupMode = existingMode ?? 0o600;
        await replaceAtomically(backupTarget, previous, backupMode);
        await chmod(backupTarget, backupMode);
        result.backupPath = backupPath;
      }
    }

    await removeStaleTemps(target);
    await replaceAtomically(target, data, mode, checkUnchanged);
    return result;
  } catch (e) {
    throw fileError(e, path);
  }
}
