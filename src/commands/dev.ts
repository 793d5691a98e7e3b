// npm run dev: the site previewed on this computer, brought up to date at each save.
import { type DevSession, startDevSession } from '../dev/dev-session.ts';
import { EXIT } from '../messages/exit-codes.ts';
import type { Command } from './command.ts';

const DEFAULT_PORT = 4000;
/** Without --port, the next ports are tried when 4000 is taken. */
const PORTS_TO_TRY = 10;

const help = `用法：npm run dev [-- 选项]

生成网站并在本机预览：在浏览器中打开显示的网址（只有本机能访问）。
修改 content/ 中的期刊或 site.yml、templates/ 中的模板和样式并保存后，
只重新生成受影响的页面，浏览器自动刷新，不用重启。
稿件有错误时预览不会停止：错误列在这里，也显示在网页上方，改正保存后自动消失；
网页上显示的是上次正确的内容。预览中也显示草稿（draft: true）。
预览不写入 dist/；要发布请运行 npm run build。按 Ctrl+C 停止。

选项：
  --port 端口   使用指定端口，例如 --port 8080（默认 ${DEFAULT_PORT}，被占用时自动换下一个）
  --help        显示本说明`;

function readPort(value: string | undefined): number | undefined | 'bad' {
  if (value === undefined) return undefined;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : 'bad';
}

const inUse = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EADDRINUSE';

export const devServer: Command = {
  summary: '本机预览，保存后自动刷新',
  help,
  options: { port: { type: 'string' } },
  async run({ values }, projectDir) {
    const chosen = readPort(values.port as string | undefined);
    if (chosen === 'bad') {
      console.error(`端口 ${values.port} 不对\uFF1A请写 1 到 65535 之间的整数，例如 npm run dev -- --port 8080`);
      return EXIT.usage;
    }
    const ports = chosen !== undefined ? [chosen] : Array.from({ length: PORTS_TO_TRY }, (_, i) => DEFAULT_PORT + i);
    const log = (line: string) => console.log(line);
    console.log('正在生成网站……');
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
      const which = chosen !== undefined ? `端口 ${chosen} 已被占用` : `端口 ${DEFAULT_PORT} 到 ${DEFAULT_PORT + PORTS_TO_TRY - 1} 都已被占用`;
      console.error(`${which}\uFF1A请关掉占用它的程序（也许是另一个 npm run dev），或用 npm run dev -- --port 8080 换一个端口`);
      return EXIT.usage;
    }
    const { first } = session;
    if (first.report) console.log(first.report);
    console.log(`\n预览已启动\uFF1A${session.url}`);
    console.log(
      `共 ${session.project.issues.length} 期${first.problems.length > 0 ? `，有 ${first.problems.length} 个错误（见上，网页上方也会列出）` : ''}。保存文件后浏览器会自动刷新，按 Ctrl+C 停止。`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await session.close();
    console.log('预览已停止。');
    return EXIT.ok;
  },
};
