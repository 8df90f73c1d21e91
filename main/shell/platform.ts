/**
 * The desktop core's platform services, implemented with Electron. Each is a thin adapter; the
 * rules (what to copy, when to clear, which URLs may open) live in the core and are tested there.
 */
import { clipboard as electronClipboard, Notification, shell } from './electron';
import { assertAllowedUrl } from '../../app/console/hosts';
import { createLogger } from '../log/logger';
import type { Clipboard, DesktopNotification, ExternalOpener, Notifier } from '../platform/types';

const log = createLogger('shell.platform');

/** Electron 45's clipboard is promise-based; the core awaits it and decides what to clear. */
export const clipboard: Clipboard = {
  writeText: (text) => electronClipboard.writeText(text),
  readText: () => electronClipboard.readText(),
  clear: () => electronClipboard.clear(),
};

/**
 * Notifications are kept by id until closed: a garbage-collected Notification loses its click
 * handler on Windows and Linux, and a newer one with the same id replaces the older.
 */
export function createNotifier(
  opts: { icon?: string; onClick?: () => void } = {},
): Notifier & { closeAll(): void } {
  const live = new Map<string, Notification>();
  return {
    show(n, onClick) {
      if (!Notification.isSupported()) {
        log.warn('notifications are not supported here', { id: n.id });
        return;
      }
      live.get(n.id)?.close();
      const note = new Notification({
        title: n.title,
        body: n.body,
        silent: false,
        ...(opts.icon ? { icon: opts.icon } : {}),
        // macOS shows action buttons; elsewhere the whole notification is the action.
        ...(n.actionLabel ? { actions: [{ type: 'button' as const, text: n.actionLabel }] } : {}),
      });
      const clicked = () => {
        opts.onClick?.();
        onClick();
      };
      note.on('click', clicked);
      note.on('action', clicked);
      note.on('close', () => {
        if (live.get(n.id) === note) live.delete(n.id);
      });
      live.set(n.id, note);
      note.show();
    },
    closeAll() {
      for (const note of live.values()) note.close();
      live.clear();
    },
  };
}

/** The confirmation for a copy from the tray menu, where nothing else shows that it worked. */
export function copiedNotice(roleName: string, clearsInSeconds: number): DesktopNotification {
  const clears = clearsInSeconds > 0 ? ` The clipboard clears in ${clearsInSeconds} s.` : '';
  return { id: 'tray-copied', title: 'Credentials copied', body: `${roleName}: paste into a shell.${clears}` };
}

/**
 * shell.openExternal only behind the allow-list: https on AWS sign-in, console and portal hosts,
 * or exactly an origin Lanyard was configured with (the emulator in the demo). The core checks
 * too; checking again here means no future caller can skip it.
 */
export function createOpener(allowedOrigins: readonly string[]): ExternalOpener {
  return {
    async open(url) {
      await shell.openExternal(assertAllowedUrl(url, allowedOrigins), { activate: true });
    },
  };
}
