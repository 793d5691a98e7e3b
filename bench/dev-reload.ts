// Save-to-reload time of npm run dev on a generated archive (1000 issues by default): the time
// from writing an issue file to the server's reload message, and to the new page fetched, over
// several saves; also a content error shown, a template edit (every page), and the start.
// Usage: tsx bench/dev-reload.ts [ISSUES] [SAVES]
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDevSession } from '../src/dev/dev-session.ts';
import { listen } from '../test/events.ts';
import { generateCorpus, writeCorpus } from './corpus.ts';

const [count = 1000, saves = 10] = process.argv.slice(2).map(Number);
const PROJECT_DIR = path.resolve(import.meta.dirname, '..');

const dir = await mkdtemp(path.join(tmpdir(), 'lldt-dev-bench-'));
const corpus = await generateCorpus(count);
await writeCorpus(dir, corpus);
await cp(path.join(PROJECT_DIR, 'templates'), path.join(dir, 'templates'), { recursive: true });

const log: string[] = [];
let searchDone: () => void = () => undefined;
let started = performance.now();
const session = await startDevSession({
  projectDir: dir,
  port: 0,
  log: (line) => {
    log.push(line);
    if (line.startsWith('搜索索引已更新')) searchDone();
  },
});
const startMs = performance.now() - started;
const firstIndex = await new Promise<number>((resolve) => (searchDone = () => resolve(performance.now() - started)));

// The server's events, as a browser's EventSource gets them.
const events = listen(new URL('/__dev/events', session.url).href);
/** The next event of this kind after now: earlier ones do not count. */
const next = (event: string) => {
  events.drain();
  return events.next(event);
};
await new Promise((r) => setTimeout(r, 200));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function timeSave(file: string, change: (text: string) => string, event: string, page?: string, expect?: string) {
  const target = path.join(dir, file);
  const text = change(await readFile(target, 'utf8'));
  const message = next(event);
  const t0 = performance.now();
  await writeFile(target, text);
  await message;
  const toEvent = performance.now() - t0;
  if (page) {
    const html = await (await fetch(new URL(page, session.url))).text();
    if (expect && !html.includes(expect)) throw new Error(`${page} does not show the edit`);
  }
  return { toEvent, toPage: performance.now() - t0 };
}

const reloads: number[] = [];
const pages: number[] = [];
for (let i = 0; i < saves; i++) {
  const issue = corpus[Math.floor((corpus.length * (i + 0.5)) / saves)]!;
  const marker = `第${i + 1}次修改`;
  const { toEvent, toPage } = await timeSave(
    issue.path,
    (t) => t.replace('省人大常委会联工委调研组', `省人大常委会联工委调研组\n\n${marker}。`),
    'reload',
    issue.path.replace(/^content\/(\d+)\/(\d+)\.md$/, '$1/$2/'),
    marker,
  );
  reloads.push(toEvent);
  pages.push(toPage);
  // Saves a second and a half apart: the search index is being rebuilt in the background meanwhile.
  await new Promise((r) => setTimeout(r, 1500));
}
const latest = corpus.at(-1)!;
const error = await timeSave(latest.path, (t) => t.replace(/^date: (\d{4})-(\d{2})-(\d{2})$/m, 'date: $1-13-$3'), 'problems');
await timeSave(
  latest.path,
  (t) => t.replace(/^date: (\d{4})-13-(\d{2})$/m, (_m, y, d) => `date: ${y}-${latest.text.match(/^date: \d{4}-(\d{2})/m)![1]}-${d}`),
  'problems',
);
const template = await timeSave('templates/partials/banji.njk', (t) => `${t}\n`, 'reload');

started = performance.now();
events.close();
await session.close();
console.log(`npm run dev on ${count} issues (${path.basename(dir)}), ${saves} saves of one issue each:`);
console.log(`  start (read, check and render everything): ${ms(startMs)}; first search index ready after ${ms(firstIndex)}`);
console.log(`  save → reload message: median ${ms(median(reloads))}, max ${ms(Math.max(...reloads))}`);
console.log(`  save → new page fetched: median ${ms(median(pages))}, max ${ms(Math.max(...pages))}`);
console.log(`  save with a content error → error shown: ${ms(error.toEvent)}`);
console.log(`  template saved → every page re-rendered, reload message: ${ms(template.toEvent)}`);
console.log(
  log
    .filter((l) => l.includes('已保存'))
    .slice(0, 3)
    .map((l) => `  terminal: ${l}`)
    .join('\n'),
);
