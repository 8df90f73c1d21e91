import { constants, type BigIntStats } from 'node:fs';
import { open } from 'node:fs/promises';

/** errno-style code for "exists, but is not a regular file" (BSD's name for it). */
export const NOT_REGULAR = 'EFTYPE';

function kindOf(s: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Reads a file only if it is a regular file. Opening with O_NONBLOCK means a FIFO put in the file's
 * place cannot hang the caller (a plain read would wait for a writer forever); fstat on the opened
 * handle then refuses anything but a regular file, with no window for a swap between check and read.
 */
export async function readRegularFile(path: string): Promise<Buffer> {
  return (await readRegularFileAndStat(path)).bytes;
}

/** readRegularFile, with the stat of the very handle read (nanosecond times), for a stamp of what was read. */
export async function readRegularFileAndStat(path: string): Promise<{ bytes: Buffer; stat: BigIntStats }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = await handle.stat({ bigint: true });
    if (!s.isFile()) {
      const kind = kindOf(s);
      const code = s.isDirectory() ? 'EISDIR' : NOT_REGULAR;
      throw Object.assign(new Error(`${path} is ${kind}, not a regular file`), { code, kind });
    }
    return { bytes: await handle.readFile(), stat: s };
  } finally {
    await handle.close();
  }
}
