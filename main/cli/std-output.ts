import { writeSync } from 'node:fs';
import type { Output } from './context';

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
  fd: 1 | 2,
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
  return {
    get closed() {
      return closed;
    },
    get isTTY() {
      return out().isTTY === true;
    },
    write(text: string) {
      if (closed) return;
      if (viaStream) {
        out().write(text);
        return;
      }
      const bytes = Buffer.from(text, 'utf8');
      let at = 0;
      while (at < bytes.length) {
        try {
          at += writeSync(fd, bytes, at);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            viaStream = true;
            out().write(bytes.subarray(at));
            return;
          }
          if (code === 'EPIPE') {
            close();
            return;
          }
          throw e;
        }
      }
    },
  };
}
