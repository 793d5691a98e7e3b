// Old Word (.doc) and WPS (.wps) documents → .docx, by LibreOffice without a window
// (Debian's libreoffice-writer-nogui). Each conversion gets a folder of its own, and each process
// (each import worker) a LibreOffice profile of its own, so that conversions run side by side
// without waiting for each other's lock.
import { type ExecFileException, execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

export type Converted = { ok: true; docx: Buffer } | { ok: false; reason: string };

/** LibreOffice's program, which SOFFICE_PATH may name (as CHROMIUM_PATH names Chromium). */
const sofficePath = () => process.env.SOFFICE_PATH ?? 'soffice';

const INSTALL_LIBREOFFICE = 'sudo apt-get install libreoffice-writer-nogui';

/** A document LibreOffice takes longer than this over is given up (a damaged file may hang it). */
const TIMEOUT_MS = 120_000;

const profile = path.join(tmpdir(), `lldt-soffice-${process.pid}-${threadId}`);

/** This process's LibreOffice profile, to remove when it has no more to convert. */
export const removeProfile = () => rm(profile, { recursive: true, force: true });

function run(args: string[]): Promise<{ error?: ExecFileException; stderr: string }> {
  return new Promise((resolve) => {
    execFile(sofficePath(), args, { timeout: TIMEOUT_MS }, (error, _stdout, stderr) => resolve({ error: error ?? undefined, stderr }));
  });
}

/** Converts the document at file (a .doc or .wps) to .docx; never throws for a bad document. */
export async function convertToDocx(file: string): Promise<Converted> {
  const work = await mkdtemp(path.join(tmpdir(), 'lldt-convert-'));
  try {
    // Under a plain name of its own in a folder of its own: LibreOffice names its output after
    // the input, and a .doc misnamed .docx would otherwise be written over by its own output.
    await mkdir(path.join(work, 'in'));
    const input = path.join(work, 'in', `source${path.extname(file).toLowerCase() || '.doc'}`);
    await copyFile(file, input);
    const { error } = await run([
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      work,
      input,
    ]);
    if (error?.code === 'ENOENT') {
      return {
        ok: false,
        reason: `导入 .doc 和 .wps 文件需要 LibreOffice，这台电脑上没有找到（${sofficePath()}）\uFF1A请安装：${INSTALL_LIBREOFFICE}，或在 Word/WPS 中把它另存为 .docx 再导入`,
      };
    }
    if (error?.killed)
      return {
        ok: false,
        reason: `LibreOffice 转换这个文件超过 ${TIMEOUT_MS / 1000} 秒没有完成，文件可能已损坏\uFF1A请在 Word/WPS 中打开，另存为 .docx 再导入`,
      };
    try {
      return { ok: true, docx: await readFile(path.join(work, 'source.docx')) };
    } catch {
      return { ok: false, reason: 'LibreOffice 没能打开这个文件，它可能已损坏，或不是 Word/WPS 文档\uFF1A请在 Word/WPS 中打开，另存为 .docx 再导入' };
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
