// Each call of a program the build runs (Chromium, Pagefind, LibreOffice) has a time limit sized
// to its work, so that a hang becomes a message instead of a build that never ends.

/**
 * LIANLUODONGTAI_TOOL_TIMEOUT_MS, when set, replaces every tool's time limit: for the tests, which
 * make tools hang on purpose and must not wait minutes for it.
 */
export function toolTimeLimit(ms: number): number {
  const override = Number(process.env.LIANLUODONGTAI_TOOL_TIMEOUT_MS);
  return Number.isFinite(override) && override > 0 ? override : ms;
}

export const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * The work's result, or timedOut()'s error once ms have passed. The timer keeps Node running
 * meanwhile: a tool that dies without answering (its promise never settles) is a timeout, not
 * a process that quietly exits.
 */
export function withTimeLimit<T>(work: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
