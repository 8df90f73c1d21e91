import { useEffect, useState } from 'react';

/**
 * The current time, re-rendered every second while `until` is under an hour away and every
 * minute otherwise, so a countdown ticks without waking the window more than it needs.
 */
export function useNow(until?: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const left = until ? Date.parse(until) - now : Infinity;
    const step = left < 3_600_000 ? 1000 - (now % 1000) : 60_000 - (now % 60_000);
    const t = setTimeout(() => setNow(Date.now()), step);
    return () => clearTimeout(t);
  }, [now, until]);
  return now;
}
