/**
 * The tray icon as a renderer of the core's tray state: icon, tooltip and context menu are rebuilt
 * from `trayState()` on every change. A context menu is ALWAYS set: GNOME's AppIndicator shows
 * nothing (and delivers no clicks) for an icon without one.
 */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from './electron';
import { buildTrayMenu, trayIconState, trayTooltip, type TrayMenuItem } from '../../app/tray/menu';
import type { TrayAction, TrayState } from '../../app/tray/state';
import { trayIconPath } from './assets';

export type TrayController = {
  /** Re-render from state; cheap when nothing changed. */
  render(state: TrayState): void;
  bounds(): Electron.Rectangle;
  destroy(): void;
};

function toTemplate(items: TrayMenuItem[], run: (a: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { id: item.id, type: 'separator' };
    const base: MenuItemConstructorOptions = {
      id: item.id,
      label: item.label,
      enabled: item.enabled ?? true,
    };
    if (item.type === 'submenu') return { ...base, submenu: toTemplate(item.submenu ?? [], run) };
    const action = item.action;
    return action ? { ...base, click: () => run(action) } : base;
  });
}

export function createTray(opts: { onClick(): void; onAction(a: TrayAction): void }): TrayController {
  let iconState = trayIconState({ now: Date.now(), online: true, sessions: [], favorites: [], recents: [] });
  const icon = (state: typeof iconState) => {
    const img = nativeImage.createFromPath(trayIconPath(state));
    if (process.platform === 'darwin') img.setTemplateImage(true);
    return img;
  };
  const tray = new Tray(icon(iconState));
  tray.setIgnoreDoubleClickEvents(true);
  // Left click toggles the window where the platform reports it (macOS, Windows, KDE); on GNOME
  // the click opens the context menu, whose "Open Lanyard" item does the same.
  tray.on('click', () => opts.onClick());
  let lastMenu = '';
  let lastTooltip = '';

  return {
    render(state) {
      const next = trayIconState(state);
      if (next !== iconState) {
        iconState = next;
        tray.setImage(icon(next));
      }
      const tooltip = trayTooltip(state);
      if (tooltip !== lastTooltip) {
        lastTooltip = tooltip;
        tray.setToolTip(tooltip);
      }
      const items = buildTrayMenu(state);
      // Rebuilding an open menu closes it on some platforms: only rebuild when it changed.
      const key = JSON.stringify(items);
      if (key !== lastMenu) {
        lastMenu = key;
        tray.setContextMenu(Menu.buildFromTemplate(toTemplate(items, (a) => opts.onAction(a))));
      }
    },
    bounds: () => tray.getBounds(),
    destroy: () => tray.destroy(),
  };
}
