/** Seconds since `since`, updated ten times a second while `running`. */
import { useEffect, useState } from 'react';

export function useElapsed(since: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, (running ? now : Math.max(now, since)) - since) / 1000;
}
