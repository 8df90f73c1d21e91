/**
 * The OS-facing part of the double: tray, menus, images, notifications, clipboard, opener, power,
 * theme and screen. Each records what the shell did (link.record) and lets the test act as the
 * person (a menu click, a notification click, a resume).
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import type { MenuItemData } from '../messages';
import type * as S from '../../../../main/shell/electron-surface';
import { onRequest, record } from './link';

class ImageDouble implements S.NativeImage {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
  data() {
    return { path: this.path, exists: existsSync(this.path), template: this.template };
  }
}

export const nativeImage: S.ShellElectron['nativeImage'] = {
  createFromPath: (path) => new ImageDouble(path),
};

class MenuDouble {
  constructor(readonly template: Electron.MenuItemConstructorOptions[]) {}
}

export const Menu: S.MenuStatic = {
  buildFromTemplate: (template) => new MenuDouble(template),
};

function menuData(items: Electron.MenuItemConstructorOptions[]): MenuItemData[] {
  return items.map((i) => ({
    ...(i.id ? { id: i.id } : {}),
    ...(i.label !== undefined ? { label: i.label } : {}),
    type: i.type ?? (i.submenu ? 'submenu' : 'normal'),
    enabled: i.enabled ?? true,
    clickable: typeof i.click === 'function',
    ...(Array.isArray(i.submenu) ? { submenu: menuData(i.submenu) } : {}),
  }));
}

/** Finds an item by a path of labels or ids, as a person would walk the menu. */
function findItem(items: Electron.MenuItemConstructorOptions[], path: string[]) {
  let level: Electron.MenuItemConstructorOptions[] | undefined = items;
  let found: Electron.MenuItemConstructorOptions | undefined;
  for (const step of path) {
    found = level?.find((i) => i.label === step || i.id === step);
    if (!found) throw new Error(`no tray menu item ${JSON.stringify(step)} in ${JSON.stringify(path)}`);
    level = Array.isArray(found.submenu) ? found.submenu : undefined;
  }
  return found;
}

let liveTray: TrayDouble | undefined;

class TrayDouble extends EventEmitter implements S.Tray {
  private menu: MenuDouble | undefined;
  private destroyed = false;
  constructor(image: S.NativeImage) {
    super();
    liveTray = this;
    record({ type: 'tray.create', image: (image as ImageDouble).data() });
  }
  setImage(image: S.NativeImage | string): void {
    const img = typeof image === 'string' ? new ImageDouble(image) : (image as ImageDouble);
    record({ type: 'tray.image', image: img.data() });
  }
  setToolTip(toolTip: string): void {
    record({ type: 'tray.tooltip', text: toolTip });
  }
  setContextMenu(menu: S.Menu | null): void {
    this.menu = (menu as MenuDouble | null) ?? undefined;
    record({ type: 'tray.menu', items: this.menu ? menuData(this.menu.template) : [] });
  }
  setIgnoreDoubleClickEvents(_ignore: boolean): void {}
  getBounds(): Electron.Rectangle {
    // GNOME's AppIndicator reports no bounds; the shell must cope with zeros.
    return { x: 0, y: 0, width: 0, height: 0 };
  }
  destroy(): void {
    this.destroyed = true;
    if (liveTray === this) liveTray = undefined;
    this.removeAllListeners();
    record({ type: 'tray.destroy' });
  }
  clickItem(path: string[]): void {
    if (this.destroyed || !this.menu) throw new Error('the tray has no context menu');
    const item = findItem(this.menu.template, path);
    if (item?.enabled === false) throw new Error(`tray menu item ${path.join(' > ')} is disabled`);
    if (!item?.click) throw new Error(`tray menu item ${path.join(' > ')} does nothing when clicked`);
    item.click(item as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
  }
}
export const Tray: S.TrayConstructor = TrayDouble;

onRequest('tray.click', () => {
  if (!liveTray) throw new Error('no tray');
  liveTray.emit('click');
});
onRequest('tray.menuClick', (r) => {
  if (!liveTray) throw new Error('no tray');
  liveTray.clickItem(r.path);
});

const notifications = new Map<number, NotificationDouble>();
let nextNotification = 1;

class NotificationDouble extends EventEmitter implements S.Notification {
  readonly id = nextNotification++;
  constructor(private readonly options: Electron.NotificationConstructorOptions) {
    super();
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    notifications.set(this.id, this);
    const o = this.options;
    record({
      type: 'notification.show',
      id: this.id,
      title: o.title ?? '',
      body: o.body ?? '',
      actions: (o.actions ?? []).map((a) => a.text ?? ''),
      ...(typeof o.icon === 'string' ? { icon: o.icon } : {}),
    });
  }
  close(): void {
    if (!notifications.delete(this.id)) return;
    record({ type: 'notification.close', id: this.id });
    this.emit('close');
  }
}
export const Notification: S.NotificationConstructor = NotificationDouble;

function liveNotification(id: number): NotificationDouble {
  const n = notifications.get(id);
  if (!n) throw new Error(`notification ${id} is not showing (closed, replaced or never shown)`);
  return n;
}
onRequest('notification.click', (r) => void liveNotification(r.id).emit('click'));
onRequest('notification.action', (r) => void liveNotification(r.id).emit('action', {}, r.index));

let clipboardText = '';
export const clipboard: S.Clipboard = {
  writeText(text) {
    clipboardText = text;
    record({ type: 'clipboard.write', text });
  },
  readText: () => clipboardText,
  clear() {
    clipboardText = '';
    record({ type: 'clipboard.clear' });
  },
};

export const shell: S.Shell = {
  openExternal(url) {
    record({ type: 'openExternal', url });
    return Promise.resolve();
  },
  openPath: () => Promise.resolve(''),
};

export const power = new EventEmitter();
export const powerMonitor: S.PowerMonitor = {
  on(event, listener) {
    power.on(event, listener);
    return powerMonitor;
  },
};

export const nativeTheme: S.NativeTheme = { shouldUseDarkColors: false };

const display = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1048 },
};
export const screen: S.Screen = {
  getCursorScreenPoint: () => ({ x: 960, y: 0 }),
  getDisplayNearestPoint: () => display,
};
