// npm run dev: the site previewed on this computer, brought up to date at each save.
import { type DevSession, startDevSession } from '../dev/dev-session.ts';
import { DEV, devHelp } from '../messages/commands.ts';
import { EXIT } from '../messages/exit-codes.ts';
import type { Command } from './command.ts';

const DEFAULT_PORT = 4000;
/** Without --port, the next ports are tried when 4000 is taken. */
const PORTS_TO_TRY = 10;

const help = devHelp(DEFAULT_PORT);

function readPort(value: string | undefined): number | undefined | 'bad' {
  if (value === undefined) return undefined;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : 'bad';
}

const inUse = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EADDRINUSE';

export const devServer: Command = {
  summary: DEV.summary,
  needsProject: true,
  help,
  options: { port: { type: 'string' } },
  async run({ values }, projectDir) {
    const chosen = readPort(values.port as string | undefined);
    if (chosen === 'bad') {
      console.error(DEV.badPort(String(values.port)));
      return EXIT.usage;
    }
    const ports = chosen !== undefined ? [chosen] : Array.from({ length: PORTS_TO_TRY }, (_, i) => DEFAULT_PORT + i);
    const log = (line: string) => console.log(line);
    console.log(DEV.building);
    let session: DevSession | undefined;
    for (const port of ports) {
      try {
        session = await startDevSession({ projectDir, port, log });
        break;
      } catch (error) {
        if (!inUse(error)) throw error;
      }
    }
    if (!session) {
      console.error(DEV.portsTaken(chosen, DEFAULT_PORT, DEFAULT_PORT + PORTS_TO_TRY - 1));
      return EXIT.usage;
    }
    const { first } = session;
    if (first.report) console.log(first.report);
    console.log(DEV.started(session.url));
    console.log(DEV.running(session.project.issues.length, first.problems.length));
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await session.close();
    console.log(DEV.stopped);
    return EXIT.ok;
  },
};
