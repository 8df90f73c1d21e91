import { useEffect, useRef } from 'react';

/**
 * A modal <dialog> opened on mount. When it closes (Esc, a button, unmount), focus goes back to
 * what had it before, or to the search box if that is gone, never to <body> where typing is lost.
 */
export function useDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.showModal();
    return () => {
      const target =
        opener && opener.isConnected && opener !== document.body
          ? opener
          : document.querySelector<HTMLElement>('input[type=search]');
      // After React has removed the dialog, or the browser would move focus again.
      queueMicrotask(() => target?.focus());
    };
  }, []);
  return ref;
}
