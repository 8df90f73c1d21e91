/**
 * The shell process's end of the wire to the test (messages.ts). Requests from the test are
 * dispatched to handlers the double registers; records and window traffic go back as they happen.
 * The channel is unref'd so it never keeps the process alive: after quit, only what the shell
 * leaked can (and the host reports it).
 */
import type { HostRequest, ShellRecord, ToHost, ToShell } from '../messages';

type Handler = (req: HostRequest) => unknown;
const handlers = new Map<HostRequest['op'], Handler>();

export function send(msg: ToHost): void {
  if (process.connected) process.send?.(msg);
}

export function record(rec: ShellRecord): void {
  send({ t: 'rec', rec });
}

export function onRequest<O extends HostRequest['op']>(
  op: O,
  fn: (req: Extract<HostRequest, { op: O }>) => unknown,
): void {
  handlers.set(op, fn as Handler);
}

process.on('message', (raw) => {
  const msg = raw as ToShell;
  if (msg?.t !== 'req') return;
  void (async () => {
    try {
      const fn = handlers.get(msg.req.op);
      if (!fn) throw new Error(`the double has no handler for ${msg.req.op}`);
      send({ t: 'reply', id: msg.id, ok: true, value: await fn(msg.req) });
    } catch (e) {
      send({ t: 'reply', id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  })();
});
process.channel?.unref();

/** The double's own handles are gone: drop the channel too, and say what (if anything) still runs. */
export function detach(): void {
  if (process.connected) process.disconnect();
  // Reported only when something the shell left behind keeps the process up.
  const t = setTimeout(() => {
    process.stderr.write(`electron-double: still alive after quit: ${process.getActiveResourcesInfo().join(', ')}\n`);
  }, 3_000);
  t.unref();
}
