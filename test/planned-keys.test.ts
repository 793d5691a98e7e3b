// Every page is keyed on the data its template is given, so no template can show what its key
// misses: templates are changed to show a neighbour's articles, a year's issues and the archive's
// totals in new places, then issues are edited in several ways. After each step the dev server's
// site (in memory, the last record kept in memory) and an incremental npm run build (the record
// from the cache, in a new Project as a new process has) are byte for byte a cold build.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../bench/corpus.ts';
import { applySaves, devProject } from '../src/dev/dev-session.ts';
import { OUTPUT_MARKER } from '../src/pipeline/disk-writer.ts';
import { build } from './build.ts';
import { readTree, TEMPLATES_DIR } from './site.ts';

/** A folder's files as readTree gives them (base64), without the output folder's marker. */
const onDisk = async (dir: string) => new Map([...(await readTree(dir))].filter(([file]) => file !== OUTPUT_MARKER));

/** npm run build -- --drafts into a fresh copy, with no cache: the cold build. */
async function coldBuild(dir: string): Promise<Map<string, string>> {
  const copy = await mkdtemp(path.join(tmpdir(), 'lldt-cold-'));
  await cp(path.join(dir, 'content'), path.join(copy, 'content'), { recursive: true });
  await cp(path.join(dir, 'templates'), path.join(copy, 'templates'), { recursive: true });
  const result = await build({ projectDir: copy, write: true, drafts: true, search: false });
  expect(result.files.flatMap((f) => f.messages.filter((m) => m.fatal).map(String))).toEqual([]);
  return onDisk(path.join(copy, 'dist'));
}

const replaceIn = async (file: string, from: string | RegExp, to: string) => {
  const before = await readFile(file, 'utf8');
  const after = before.replace(from, to);
  expect(after, file).not.toBe(before);
  await writeFile(file, after);
};

/** The end of a template's last block, where the tests add what it shows. */
const LAST_BLOCK_END = /\{% endblock %\}\s*$/;

type Step = [name: string, change: (dir: string) => Promise<string[]>];

function steps(issue: string, neighbour: string): Step[] {
  const template = (name: string) => path.join('templates', name);
  return [
    [
      'the issue page shows its neighbours’ articles and totals',
      async (dir) => {
        const shown =
          '{% if next %}<p class="test-next">{{ next.total }}：{% for a in next.articles %}{{ a.label }}；{% endfor %}</p>{% endif %}' +
          '{% if previous %}<p class="test-previous">{{ previous.articles[0].byline }}{{ previous.distribution | join("、") }}</p>{% endif %}';
        await replaceIn(path.join(dir, template('issue.njk')), LAST_BLOCK_END, `${shown}\n{% endblock %}\n`);
        return [template('issue.njk')];
      },
    ],
    [
      'the year page shows every article of its issues, the home page the archive’s totals',
      async (dir) => {
        await replaceIn(
          path.join(dir, template('year.njk')),
          LAST_BLOCK_END,
          '{% for i in year.issues %}{% for a in i.articles %}<i>{{ a.title }}</i>{% endfor %}{% endfor %}\n{% endblock %}\n',
        );
        await replaceIn(
          path.join(dir, template('home.njk')),
          LAST_BLOCK_END,
          '{% for y in years %}<b>{{ y.year }}:{{ y.lastTotal }}:{{ y.issues[0].date }}</b>{% endfor %}\n{% endblock %}\n',
        );
        return [template('year.njk'), template('home.njk')];
      },
    ],
    [
      'a neighbour’s article title',
      async (dir) => {
        await replaceIn(path.join(dir, neighbour), /^# 【调研报告】.+$/m, '# 【调研报告】改过标题的文章');
        return [neighbour];
      },
    ],
    [
      'the issue’s distribution list, which its next issue now shows',
      async (dir) => {
        await replaceIn(path.join(dir, issue), /^distribution:\n/m, 'distribution:\n  - 新增的送达单位\n');
        return [issue];
      },
    ],
    [
      'an issue’s date, moved to its next issue’s day',
      async (dir) => {
        const date = /^date: (.+)$/m.exec(await readFile(path.join(dir, neighbour), 'utf8'))![1]!;
        await replaceIn(path.join(dir, issue), /^date: .+$/m, `date: ${date}`);
        return [issue];
      },
    ],
  ];
}

async function checkSteps(dir: string, issue: string, neighbour: string): Promise<void> {
  const { project, writer } = devProject(dir);
  const incremental = async () => {
    const result = await build({ projectDir: dir, write: true, drafts: true, search: false });
    expect(result.ok).toBe(true);
    return { result, site: await onDisk(path.join(dir, 'dist')) };
  };
  await applySaves(project, writer);
  await incremental();
  for (const [name, change] of steps(issue, neighbour)) {
    const saved = await change(dir);
    await applySaves(project, writer, saved);
    const cold = await coldBuild(dir);
    const preview = new Map([...writer.output].filter(([file]) => !file.startsWith('pagefind/')).map(([file, c]) => [file, Buffer.from(c).toString('base64')]));
    expect(preview, `the preview after: ${name}`).toEqual(cold);
    const { result, site } = await incremental();
    expect(site, `the incremental build after: ${name}`).toEqual(cold);
    // An edit of content renders only some pages: the others are kept from the last build.
    if (!saved.some((file) => file.startsWith('templates/'))) expect(result.full, name).toBe(false);
  }
}

describe('pages keyed on the data their templates are given', () => {
  it('stay equal to a cold build in the preview and in incremental builds, whatever a template shows', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lldt-keys-'));
    const corpus = await generateCorpus(24);
    await writeCorpus(dir, corpus);
    await cp(TEMPLATES_DIR, path.join(dir, 'templates'), { recursive: true });
    await checkSteps(dir, corpus[10]!.path, corpus[11]!.path);
  });
});
