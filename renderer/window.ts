import type { LanyardBridge } from '../app/ipc/contract';

/** The preload exposes exactly one object; this is its type in the renderer's world. */
declare global {
  interface Window {
    lanyard: LanyardBridge;
  }
}

export type { LanyardBridge };
