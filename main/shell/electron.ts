/**
 * The shell's only door to Electron. Everything passes through the picks in electron-surface.ts,
 * so using an Electron member that is not picked fails `tsc -p main`, and the Electron double
 * (test/support/electron-double), typed against the same picks, must then implement it.
 */
import * as electron from 'electron';
import type * as S from './electron-surface';

const e: S.ShellElectron = electron;

export const {
  app,
  BrowserWindow,
  Tray,
  Menu,
  nativeImage,
  Notification,
  ipcMain,
  protocol,
  session,
  shell,
  clipboard,
  powerMonitor,
  nativeTheme,
  screen,
} = e;
export type BrowserWindow = S.BrowserWindow;
export type WebContents = S.WebContents;
export type IpcMainInvokeEvent = S.IpcMainInvokeEvent;
export type MenuItemConstructorOptions = S.MenuItemConstructorOptions;
export type Notification = S.Notification;
export type Tray = S.Tray;
