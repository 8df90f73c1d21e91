/**
 * A running sign-in's prompts (device code, browser URL), for every caller that joins it: a second
 * `login` of the same session gets the last prompt at once and every later one.
 */
import type { SignInPrompt } from './prompts';

export type PromptRelay = {
  emit(p: SignInPrompt): void;
  /** Replays the last prompt, if any, then follows; returns the unsubscribe. */
  follow(listener: (p: SignInPrompt) => void): () => void;
};

export function createPromptRelay(): PromptRelay {
  const listeners = new Set<(p: SignInPrompt) => void>();
  let last: SignInPrompt | undefined;
  return {
    emit(p) {
      last = p;
      for (const cb of listeners) cb(p);
    },
    follow(listener) {
      if (last) listener(last);
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
