import { chmod, mkdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LanyardError } from '../../app/errors';
import { writeFileAtomic } from '../fs/atomic';
import { NOT_REGULAR, readRegularFile } from '../fs/read-regular';

export type JsonRead =
  | { kind: 'missing'; file: string }
  | { kind: 'ok'; file: string; data: Record<string, unknown> }
  | { kind: 'invalid'; file: string; reason: string };

function errnoOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
}

function kindOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'kind' in e ? String(e.kind) : 'a folder';
}

function fileError(action: string, file: string, e: unknown): LanyardError {
  const code = errnoOf(e);
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : code === 'ENOTDIR'
            ? 'a parent of it is not a folder'
            : (e as Error).message;
  return new LanyardError('FILE', `Cannot ${action} ${file}: ${why}.`, {
    hint: 'Check the permissions of ~/.aws/sso/cache (it should belong to you).',
  });
}

/**
 * The AWS CLI before botocore's atomic writes (2.9.19 among them) truncates the file and then writes
 * it: a read in between finds it empty or cut short. Such a read is tried again a few times over
 * ~175 ms before the file is called broken; a file that stays broken costs that much once.
 */
const rereadDelaysMs = [25, 50, 100];

async function readJsonOnce(file: string): Promise<JsonRead> {
  let text: string;
  try {
    text = (await readRegularFile(file)).toString('utf8');
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return { kind: 'missing', file };
    if (errnoOf(e) === NOT_REGULAR || errnoOf(e) === 'EISDIR')
      return {
        kind: 'invalid',
        file,
        reason: `is ${kindOf(e)}, not a regular file; Lanyard will not read it`,
      };
    return { kind: 'invalid', file, reason: `cannot be read (${errnoOf(e) ?? (e as Error).message})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'invalid', file, reason: 'is not valid JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { kind: 'invalid', file, reason: 'is not a JSON object' };
  return { kind: 'ok', file, data: data as Record<string, unknown> };
}

/** Reads a cache file as a JSON object; anything else is reported, never thrown, and never touched. */
export async function readCacheJson(dir: string, name: string): Promise<JsonRead> {
  const file = join(dir, name);
  let read = await readJsonOnce(file);
  for (const ms of rereadDelaysMs) {
    if (read.kind !== 'invalid' || read.reason !== 'is not valid JSON') break;
    await new Promise((resolve) => setTimeout(resolve, ms));
    read = await readJsonOnce(file);
  }
  return read;
}

/** The cache folder holds only secrets: created 0700, and narrowed to 0700 if found open to others. */
async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { mode } = await stat(dir);
  if ((mode & 0o077) !== 0) await chmod(dir, mode & 0o700);
}

/**
 * Writes a cache file the way the newest botocore does: temp file, fsync, rename (atomic), always
 * mode 0600 (botocore's mkstemp file replaces the old one, so an old 0644 never survives a write).
 */
export async function writeCacheFile(dir: string, name: string, text: string): Promise<void> {
  const file = join(dir, name);
  try {
    await ensurePrivateDir(dir);
  } catch (e) {
    throw fileError('create the folder for', file, e);
  }
  try {
    await writeFileAtomic(file, text, { mode: 0o600 });
  } catch (e) {
    throw e instanceof LanyardError ? e : fileError('write', file, e);
  }
}

export async function deleteCacheFile(dir: string, name: string): Promise<boolean> {
  const file = join(dir, name);
  try {
    await unlink(file);
    return true;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return false;
    throw fileError('delete', file, e);
  }
}
