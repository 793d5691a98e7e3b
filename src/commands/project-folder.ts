// A command that reads or writes a project (build, check, pdf, new, dev, import) first makes sure
// it runs in one: a folder with content/. Run elsewhere, it stops with one message saying where to
// go, rather than a missing content/site.yml; from inside a project (its content/, say), the
// project's folder is named.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CATALOGUE } from '../messages/catalogue.ts';
import { Failure } from '../messages/failure.ts';

const isFolder = async (dir: string) => (await stat(dir).catch(() => undefined))?.isDirectory() === true;

/** The nearest folder above dir with content/ and templates/, if any. */
async function enclosingProject(dir: string): Promise<string | undefined> {
  for (let above = path.dirname(dir); ; above = path.dirname(above)) {
    if ((await isFolder(path.join(above, 'content'))) && (await isFolder(path.join(above, 'templates')))) return above;
    if (path.dirname(above) === above) return undefined;
  }
}

/** Throws the not-a-project failure when dir has no content/ folder. */
export async function requireProject(dir: string): Promise<void> {
  if (await isFolder(path.join(dir, 'content'))) return;
  const project = await enclosingProject(dir);
  throw Failure.of(CATALOGUE.notAProject, { path: dir, project, go: project && path.relative(dir, project) });
}
