/**
 * Lets pending events run (a signal handler above all) between long synchronous steps: Ctrl-C or SIGTERM
 * during a cache check or while pages are written must stop the process within moments.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
