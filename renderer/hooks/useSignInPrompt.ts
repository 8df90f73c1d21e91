import { useEffect, useState } from 'react';
import type { WaitingPrompt } from '../../app/ipc/contract';
import { invoke, useEvent } from '../bridge';

/**
 * The device code or browser URL of a running sign-in, per session, until main says it is done.
 * `signingIn` names the sessions signing in now: for each, the prompt is asked for once, so a
 * window opened after main sent it still shows it.
 */
export function useSignInPrompts(signingIn: readonly string[]): ReadonlyMap<string, WaitingPrompt> {
  const [prompts, setPrompts] = useState<ReadonlyMap<string, WaitingPrompt>>(new Map());
  useEvent('signIn.prompt', (p) => {
    setPrompts((prev) => {
      const next = new Map(prev);
      if (p.kind === 'done') next.delete(p.session);
      else next.set(p.session, p);
      return next;
    });
  });
  const key = signingIn.join('\n');
  useEffect(() => {
    let live = true;
    for (const session of key ? key.split('\n') : []) {
      void invoke('signIn.currentPrompt', { session }).then((r) => {
        if (!live || !r.ok || !r.value) return;
        const prompt = r.value;
        // An event that arrived meanwhile is at least as new: keep it.
        setPrompts((prev) => (prev.has(session) ? prev : new Map(prev).set(session, prompt)));
      });
    }
    return () => {
      live = false;
    };
  }, [key]);
  return prompts;
}
