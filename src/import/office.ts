// Old Word (.doc) and WPS (.wps) documents → .docx, by LibreOffice without a window
// (Debian's libreoffice-writer-nogui). Each conversion gets a folder of its own, and each process
// (each import worker) a LibreOffice profile of its own, so that conversions run side by side
// without waiting for each other's lock.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { CATALOGUE, type CatalogueEntry, hintOf } from '../messages/catalogue.ts';
import { seconds, toolTimeLimit } from '../tools/time-limit.ts';

export type Converted = { ok: true; docx: Buffer } | { ok: false; reason: string; rule: string };

/** LibreOffice's program, which SOFFICE_PATH may name (as CHROMIUM_PATH names Chromium). */
const sofficePath = () => process.env.SOFFICE_PATH ?? 'soffice';

/**
 * A document LibreOffice takes longer than this over is given up (a damaged file may hang it): a
 * minute, and half a minute more for each megabyte (an issue's .doc converts in a few seconds).
 */
const limitFor = (bytes: number) => toolTimeLimit(60_000 + (30_000 * bytes) / (1024 * 1024));

const profilePrefix = `lldt-soffice-${process.pid}-`;
const profile = path.join(tmpdir(), `${profilePrefix}${threadId}`);

/** The LibreOffice profiles of this process's threads, to remove when the import has no more to convert. */
export async function removeProfiles(): Promise<void> {
  const names = (await readdir(tmpdir())).filter((name) => name.startsWith(profilePrefix));
  await Promise.all(names.map((name) => rm(path.join(tmpdir(), name), { recursive: true, force: true })));
}

type Ran = { ok: true } | { ok: false; missing: boolean; timedOut: boolean };

/**
 * Runs LibreOffice in a process group of its own, so that a conversion that passes its time limit
 * is ended whole: soffice starts soffice.bin, which a signal to soffice alone would leave running.
 */
function run(args: string[], limitMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(sofficePath(), args, { detached: true, stdio: 'ignore' });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group ended meanwhile.
      }
    }, limitMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, missing: error.code === 'ENOENT' || error.code === 'EACCES', timedOut: false });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { ok: true } : { ok: false, missing: false, timedOut });
    });
  });
}

const failed = <P>(entry: CatalogueEntry<P>, params: P): Converted => ({
  ok: false,
  reason: `${entry.message(params)}\uFF1A${hintOf(entry, params)}`,
  rule: entry.rule,
});

/** Converts the document at file (a .doc or .wps) to .docx; never throws for a bad document. */
export async function convertToDocx(file: string): Promise<Converted> {
  const work = await mkdtemp(path.join(tmpdir(), 'lldt-convert-'));
  try {
    // Under a plain name of its own in a folder of its own: LibreOffice names its output after
    // the input, and a .doc misnamed .docx would otherwise be written over by its own output.
    await mkdir(path.join(work, 'in'));
    const input = path.join(work, 'in', `source${path.extname(file).toLowerCase() || '.doc'}`);
    await copyFile(file, input);
    const limit = limitFor((await stat(file)).size);
    const ran = await run(
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        work,
        input,
      ],
      limit,
    );
    if (!ran.ok && ran.missing) return failed(CATALOGUE.officeMissing, { path: sofficePath() });
    if (!ran.ok && ran.timedOut) return failed(CATALOGUE.officeTimeout, { seconds: seconds(limit) });
    try {
      return { ok: true, docx: await readFile(path.join(work, 'source.docx')) };
    } catch {
      return failed(CATALOGUE.officeFailed, undefined);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
