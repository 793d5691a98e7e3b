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
  running = onInterrupt(writer, { stopped: '原样', published: '已发布', code: 130, exit: (code) => exits.push(code), say: (line) => told.push(line) });
  return { interrupt: running, told, exits };
}

describe('Ctrl+C while a run writes', () => {
  it('before the new version is published: the site as it was, at once', () => {
    const writer = new HeldWriter();
    const { interrupt, told, exits } = watch(writer);
    void interrupt.writer.put('index.html', 'x');
    interrupt.interrupted();
    expect({ told, exits }).toEqual({ told: ['原样'], exits: [130] });
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
      expect({ told, exits }).toEqual({ told: [ok ? '已发布' : '原样'], exits: [130] });
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
});
