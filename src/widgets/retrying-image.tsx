/**
 * A result picture that never stays broken: when it fails to load (offline, a backend restarting)
 * it is asked for again with backoff and at once when the browser comes back online.
 */
import { type ImgHTMLAttributes, useEffect, useState } from 'react';

const MAX_WAIT_MS = 30_000;

export function RetryingImage({ src, onLoad, ...props }: ImgHTMLAttributes<HTMLImageElement> & { src: string }) {
  const [failures, setFailures] = useState(0);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setFailures(0);
    setAttempt(0);
  }, [src]);
  useEffect(() => {
    if (failures === 0) return;
    const retry = () => setAttempt((n) => n + 1);
    const timer = setTimeout(retry, Math.min(MAX_WAIT_MS, 1000 * 2 ** failures));
    window.addEventListener('online', retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
    };
  }, [failures]);
  return (
    <img
      key={`${src}#${attempt}`}
      src={src}
      {...props}
      onLoad={(event) => {
        setFailures(0);
        onLoad?.(event);
      }}
      onError={() => setFailures((n) => n + 1)}
    />
  );
}
