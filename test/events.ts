// The dev server's event stream as a browser receives it: next(kind) waits for the next event of
// that kind (or takes one that came already); problems(test) waits for a problem list that passes.
import { get } from 'node:http';

export interface ServerEvent {
  event: string;
  data: unknown;
}

export function listen(url: string) {
  const received: ServerEvent[] = [];
  const waiting: { event: string; resolve: (e: ServerEvent) => void }[] = [];
  const request = get(url, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event || data === undefined) continue;
        const message = { event, data: JSON.parse(data) as unknown };
        const waiter = waiting.findIndex((w) => w.event === event);
        if (waiter >= 0) waiting.splice(waiter, 1)[0]!.resolve(message);
        else received.push(message);
      }
    });
  });
  const next = (event: string): Promise<ServerEvent> => {
    const queued = received.findIndex((m) => m.event === event);
    if (queued >= 0) return Promise.resolve(received.splice(queued, 1)[0]!);
    return new Promise((resolve) => waiting.push({ event, resolve }));
  };
  return {
    next,
    /** Waits for a problem list that satisfies `test`, skipping others. */
    async problems(test: (problems: { file: string }[]) => boolean): Promise<{ file: string }[]> {
      for (;;) {
        const problems = (await next('problems')).data as { file: string }[];
        if (test(problems)) return problems;
      }
    },
    /** Forgets the events received so far: the next ones are those that come after now. */
    drain: () => {
      received.length = 0;
    },
    close: () => request.destroy(),
  };
}
