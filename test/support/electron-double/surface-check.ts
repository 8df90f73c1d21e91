/**
 * Never run: pulls main/shell into `tsc -p test`, where `electron` resolves to surface.ts, so the
 * shell is typechecked against the double's surface (the preload and electron-store's import too).
 */
export type {} from '../../../main/shell/main';
export type {} from '../../../main/shell/preload';
