import { useEffect, useState } from 'react';

/** Seconds left before a new attempt is accepted, counting down from the server's retryAfterMs. */
export function useCountdown(retryAfterMs: number | undefined): number {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (!retryAfterMs) return;
    const until = Date.now() + retryAfterMs;
    const tick = () => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [retryAfterMs]);
  return left;
}

/** The wait after a wrong password, counted down from the delay the main process sent. */
export function RetryWait({ seconds }: { seconds: number }) {
  if (seconds <= 0) return null;
  return (
    <p className="wait" role="status">
      Nouvel essai possible dans {seconds} s.
    </p>
  );
}
