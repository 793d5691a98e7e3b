import { afterEach, describe, expect, it } from 'vitest';
import { MemoryWriter } from '../pipeline/writer.ts';
import { type Interruptible, onInterrupt } from './interrupt.ts';

/** A writer whose commit ends when the test says. */
class HeldWriter extends MemoryWriter {
  finish: (ok: boolean) => void = () => undefined;
  override commit(): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.finish = (ok) => (ok ? resolve(['index.html']) : reject(new Error('rename failed')));
    });
  }
}

let running: Interruptible | undefined;
afterEach(() => running?.stop());

function watch(writer: HeldWriter) {
  const told: string[] = [];
  const exits: number[] = [];
  running = onInterrupt(writer, {
    stopped: (how) => `原样（${how}）`,
    published: (how) => `已发布（${how}）`,
    exit: (code) => exits.push(code),
    say: (line) => told.push(line),
  });
  return { interrupt: running, told, exits };
}

describe('Ctrl+C while a run writes', () => {
  it('before the new version is published: the site as it was, at once', () => {
    const writer = new HeldWriter();
    const { interrupt, told, exits } = watch(writer);
    void interrupt.writer.put('index.html', 'x');
    interrupt.interrupted();
    expect({ told, exits }).toEqual({ told: ['原样（Ctrl+C）'], exits: [130] });
  });

  it('while it is being published: waits for the swap, then says which site is there', async () => {
    for (const ok of [true, false]) {
      const writer = new HeldWriter();
      const { interrupt, told, exits } = watch(writer);
      const committed = interrupt.writer.commit(new Set(['index.html'])).catch(() => []);
      interrupt.interrupted();
      expect({ told, exits }).toEqual({ told: [], exits: [] });
      writer.finish(ok);
      await committed;
      await new Promise((resolve) => setImmediate(resolve));
      expect({ told, exits }).toEqual({ told: [ok ? '已发布（Ctrl+C）' : '原样（Ctrl+C）'], exits: [130] });
      running?.stop();
    }
  });

  it('a second Ctrl+C while the swap is awaited exits at once', () => {
    const writer = new HeldWriter();
    const { interrupt, told, exits } = watch(writer);
    void interrupt.writer.commit(new Set()).catch(() => []);
    interrupt.interrupted();
    interrupt.interrupted();
    expect({ told, exits }).toEqual({ told: [], exits: [130] });
  });

  it('SIGTERM (a time limit, a shutdown, kill) is handled the same, named so, with exit code 143', async () => {
    const before = process.listenerCount('SIGTERM');
    const writer = new HeldWriter();
    const { told, exits } = watch(writer);
    void running!.writer.put('index.html', 'x');
    // The listener is the process's own: the signal as the system would send it.
    process.emit('SIGTERM', 'SIGTERM');
    expect({ told, exits }).toEqual({ told: ['原样（收到结束信号）'], exits: [143] });
    running?.stop();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
