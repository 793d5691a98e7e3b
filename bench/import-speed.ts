// Importing the back catalogue (issue 13): N text-layer PDFs of generated issues (bench/corpus.ts),
// printed by the site's own PDF printing, imported in one `npm run import -- FOLDER`, timed from
// the command's start to its exit, with the processor time it and its workers used; then the imported archive is built with its search index, and
// every issue checked against the one it was printed from (front matter and article text).
// The PDFs are printed once into bench/.cache/import-pdfs-<N>/ and reused (printing takes minutes).
// Usage: npm run bench:import -- --speed [--issues 500] (without --speed, bench/import.ts measures fidelity)
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Issue } from '../src/model/issue.ts';
import { build } from '../test/build.ts';
import { generateCorpus, writeCorpus } from './corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, 'bench', '.cache');
const { values } = parseArgs({ options: { issues: { type: 'string', default: '500' }, speed: { type: 'boolean' } } });
const count = Number(values.issues);
const pdfDir = path.join(CACHE, `import-pdfs-${count}`);
const printedDir = path.join(CACHE, `import-printed-${count}`);

const seconds = (since: number) => (performance.now() - since) / 1000;

/** The corpus as a project, printed: every issue's PDF copied into pdfDir. */
async function printCorpus(): Promise<Issue[]> {
  await rm(printedDir, { recursive: true, force: true });
  await writeCorpus(printedDir, await generateCorpus(count));
  await cp(path.join(ROOT, 'templates'), path.join(printedDir, 'templates'), { recursive: true });
  const started = performance.now();
  const result = await build({
    projectDir: printedDir,
    write: true,
    pdf: true,
    search: false,
    pdfPrinted: (_issue: unknown, done: number, total: number) => done % 50 === 0 && console.log(`  印制 ${done}/${total}`),
  });
  if (!result.ok) throw new Error('the generated corpus did not build');
  console.log(`Printed ${result.issues.length} PDFs in ${seconds(started).toFixed(0)} s.`);
  await rm(pdfDir, { recursive: true, force: true });
  await mkdir(pdfDir, { recursive: true });
  for (const issue of result.issues) {
    const name = `lianluodongtai-${issue.year}-${String(issue.number).padStart(2, '0')}.pdf`;
    await cp(path.join(printedDir, 'dist', issue.path, name), path.join(pdfDir, name));
  }
  return result.issues;
}

async function pagesOf(dir: string): Promise<number> {
  const { execFileSync } = await import('node:child_process');
  let pages = 0;
  for (const name of await readdir(dir)) {
    const info = execFileSync('pdfinfo', [path.join(dir, name)], { encoding: 'utf8' });
    pages += Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  }
  return pages;
}

/** The import as an editor runs it, under /usr/bin/time: its wall clock, and the processor time of it and its workers. */
function runImport(projectDir: string): Promise<{ seconds: number; cpuSeconds: number; code: number; tail: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawn('/usr/bin/time', ['-f', 'cpu %U %S', tsx, path.join(ROOT, 'src', 'cli.ts'), 'import', pdfDir], { cwd: projectDir });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const [, user = '0', system = '0'] = /^cpu ([\d.]+) ([\d.]+)$/m.exec(out) ?? [];
      const tail = out
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('cpu '))
        .slice(-3)
        .join('\n');
      resolve({ seconds: seconds(started), cpuSeconds: Number(user) + Number(system), code: code ?? -1, tail });
    });
  });
}

const readable = (issue: Issue) =>
  JSON.stringify([
    issue.number,
    issue.total,
    issue.date,
    issue.distribution,
    issue.editors,
    issue.articles.map((a) => [a.title, a.html.replace(/<[^>]+>|\s/g, '')]),
  ]);

const have = await readdir(pdfDir).catch(() => []);
let printed: Issue[];
if (have.length === count) {
  console.log(`Reusing the ${count} PDFs in ${path.relative(ROOT, pdfDir)}/.`);
  printed = (await build({ projectDir: printedDir, write: false, search: false })).issues;
} else {
  printed = await printCorpus();
}
const pages = await pagesOf(pdfDir);
console.log(`${count} PDFs, ${pages} pages (${(pages / count).toFixed(1)} a PDF); ${os.availableParallelism()} cores.`);

const project = path.join(CACHE, `import-project-${count}`);
await rm(project, { recursive: true, force: true });
await mkdir(path.join(project, 'content'), { recursive: true });
await cp(path.join(ROOT, 'content', 'site.yml'), path.join(project, 'content', 'site.yml'));
await cp(path.join(ROOT, 'templates'), path.join(project, 'templates'), { recursive: true });

const imported = await runImport(project);
console.log(imported.tail);
const load = os.loadavg()[0]!.toFixed(1);
console.log(
  `Import: ${imported.seconds.toFixed(1)} s wall for ${count} PDFs (exit ${imported.code}), ${((imported.seconds * 1000) / count).toFixed(0)} ms a PDF;`,
);
console.log(
  `  processor time ${imported.cpuSeconds.toFixed(1)} s (the command and its workers), ${(imported.cpuSeconds / 2).toFixed(1)} s on two cores of their own; load average ${load}.`,
);

const buildStarted = performance.now();
const rebuilt = await build({ projectDir: project, write: true });
const same = rebuilt.issues.filter((issue, i) => printed[i] && readable(issue) === readable(printed[i]!)).length;
console.log(
  `Build of the imported archive with its search index: ${rebuilt.ok ? 'ok' : 'FAILED'}, ${seconds(buildStarted).toFixed(1)} s; ${same}/${count} issues equal to those printed (front matter and article text).`,
);
await writeFile(
  path.join(CACHE, `import-${count}.json`),
  JSON.stringify({ count, pages, importSeconds: imported.seconds, cpuSeconds: imported.cpuSeconds, same, built: rebuilt.ok }, null, 2),
);
