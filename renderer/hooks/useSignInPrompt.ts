import { useState } from 'react';
import type { SignInPrompt } from '../../app/ipc/contract';
import { useEvent } from '../bridge';

type Waiting = Exclude<SignInPrompt, { kind: 'done' }>;

/** The device code or browser URL of a running sign-in, per session, until main says it is done. */
export function useSignInPrompts(): ReadonlyMap<string, Waiting> {
  const [prompts, setPrompts] = useState<ReadonlyMap<string, Waiting>>(new Map());
  useEvent('signIn.prompt', (p) => {
    setPrompts((prev) => {
      const next = new Map(prev);
      if (p.kind === 'done') next.delete(p.session);
      else next.set(p.session, p);
      return next;
    });
  });
  return prompts;
}
