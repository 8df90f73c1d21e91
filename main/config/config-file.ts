import { isUtf8 } from 'node:buffer';
import { LanyardError } from '../../app/errors';
import { parse, serialize, type IniDocument } from '../../app/ini/document';
import { createLogger } from '../log/logger';
import type { Paths } from '../paths';
import { isFileChangedError, writeFileAtomic } from '../fs/atomic';
import { readRegularFileAndStat } from '../fs/read-regular';
import { stampOf, type FileStamp } from './remembered';
import { configReadError } from './read-errors';

const log = createLogger('config');

export type ConfigText = {
  text: string;
  exists: boolean;
  /** False when the bytes are not valid UTF-8: readable (with replacement characters), never written. */
  utf8: boolean;
  /** The file's identity when read (./remembered.ts); absent for a missing file. */
  stamp?: FileStamp;
  mtimeMs?: number;
};

function errno(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
}

/** Reads `~/.aws/config` exactly (a BOM stays in the text); a missing file is empty. */
export async function readConfigText(paths: Paths): Promise<ConfigText> {
  let bytes: Buffer;
  let stamp: FileStamp;
  let mtimeMs: number;
  try {
    const read = await readRegularFileAndStat(paths.awsConfigFile);
    bytes = read.bytes;
    stamp = stampOf(read.stat);
    mtimeMs = Number(read.stat.mtimeMs);
  } catch (e) {
    if (errno(e) === 'ENOENT') return { text: '', exists: false, utf8: true };
    throw configReadError(e, paths.awsConfigFile);
  }
  // Node's own validator and decoder: a fatal TextDecoder took several times as long on a 1 MB file.
  // Buffer#toString keeps a BOM, as `ignoreBOM` does.
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), exists: true, utf8: true, stamp, mtimeMs };
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { text, exists: true, utf8: false, stamp, mtimeMs };
}

export function assertWritableText(config: ConfigText, paths: Paths): void {
  if (!config.utf8) {
    throw new LanyardError(
      'CONFIG',
      `${paths.awsConfigFile} is not valid UTF-8, so Lanyard will not rewrite it.`,
      {
        hint: 'Save the file as UTF-8 and try again.',
      },
    );
  }
}

const maxAttempts = 5;

/**
 * Read-modify-write of the config with compare-and-swap: if another program edits the file between
 * the read and the rename, the edit is re-applied to the new content, so the other change is kept.
 * `edit` mutates the document and returns a result; the file is written only if the text changed.
 */
export async function editConfig<T>(
  paths: Paths,
  edit: (doc: IniDocument) => T,
): Promise<{ result: T; written: boolean; backupPath?: string }> {
  for (let attempt = 1; ; attempt++) {
    const config = await readConfigText(paths);
    const doc = parse(config.text);
    const result = edit(doc);
    const after = serialize(doc);
    if (after === config.text) return { result, written: false };
    assertWritableText(config, paths);
    try {
      const w = await writeFileAtomic(paths.awsConfigFile, after, { backup: true, expected: config.text });
      return { result, written: true, ...(w.backupPath ? { backupPath: w.backupPath } : {}) };
    } catch (e) {
      if (!isFileChangedError(e) || attempt >= maxAttempts) throw e;
      log.info('config changed while writing; applying the edit again', { attempt });
    }
  }
}
