// The files just imported, checked as the build would check them, among all the other issues:
// the same messages, for these files only.
import type { VFile } from 'vfile';
import { Project } from '../pipeline/project.ts';

export async function checkImported(projectDir: string, targets: readonly string[]): Promise<VFile[]> {
  const { files } = await new Project({ projectDir }).load();
  return files.filter((f) => targets.includes(f.path));
}
