import { fstatSync, writeSync } from 'node:fs';
import type { Output } from './context';

/** UTF-16 units per write: at most three UTF-8 bytes each, so the buffer is 48 KB. */
const pieceChars = 16_384;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * The CLI's standard output or error, written with write(2) on the descriptor. On POSIX that is
 * what `process.stdout` does for files, pipes and terminals anyway (synchronously), but making that
 * stream loads `net` and Node's stream stack, a few milliseconds of every run. A reader that went
 * away (`lanyard roles --json | head`) ends the output quietly instead of an unhandled EPIPE with a
 * stack trace, and `onClosed` lets the run stop work nobody will read.
 *
 * Windows keeps Node's stream, which writes Unicode to the console through the console API. A
 * descriptor someone left non-blocking (EAGAIN) hands the rest to the stream too, which waits.
 */
export function stdOutput(
  fd: number,
  stream: () => NodeJS.WriteStream,
  onClosed: () => void = () => undefined,
): Output & { readonly closed: boolean } {
  let viaStream = process.platform === 'win32';
  let closed = false;
  const close = () => {
    closed = true;
    onClosed();
  };
  let opened: NodeJS.WriteStream | undefined;
  const out = () => {
    if (opened) return opened;
    opened = stream();
    opened.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') close();
      else throw e;
    });
    return opened;
  };
  let buffer: Buffer | undefined;
  const writeAll = (piece: string) => {
    buffer ??= Buffer.allocUnsafe(pieceChars * 3);
    const length = buffer.write(piece, 'utf8');
    let at = 0;
    while (at < length) {
      try {
        at += writeSync(fd, buffer, at, length - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          viaStream = true;
          out().write(Buffer.from(buffer.subarray(at, length)));
          return;
        }
        if (code === 'EPIPE') {
          close();
          return;
        }
        throw e;
      }
    }
  };
  return {
    get closed() {
      return closed;
    },
    // A pipe or a file is never a terminal, and asking Node's stream would make one: for a pipe
    // that sets it non-blocking, which the other output sharing it (2>&1) would then run into.
    get isTTY() {
      return isCharacterDevice(fd) && out().isTTY === true;
    },
    write(text: string) {
      // A large text (5,000 roles are 760 KB) goes out in pieces through one small buffer: a copy
      // of the whole text in UTF-8 touched as many fresh pages again, a few milliseconds of a run.
      for (let from = 0; from < text.length && !closed;) {
        let to = Math.min(text.length, from + pieceChars);
        // Never between the two halves of a surrogate pair, which would encode as two U+FFFD.
        if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
        const piece = from === 0 && to === text.length ? text : text.slice(from, to);
        if (viaStream) out().write(piece);
        else writeAll(piece);
        from = to;
      }
    },
  };
}
