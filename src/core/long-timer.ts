/** The longest delay setTimeout takes: a longer one fires at once (Node warns TimeoutOverflowWarning). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** setTimeout for any delay: one longer than ~24.8 days is waited in steps. Returns the function that cancels it. */
export function setLongTimeout(callback: () => void, delayMs: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  const deadline = Date.now() + delayMs;
  const arm = () => {
    const left = deadline - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(callback, Math.max(0, left));
  };
  arm();
  return () => clearTimeout(timer);
}
