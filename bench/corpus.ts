// Deterministic corpora of bulletin issues that look like the real one (../shared/corpus):
// a report with 一、/(一) headings of about 13 KB, a 快讯 and a 送 list, with wording drawn
// from the real issue and varied place names and topics, so that search results differ.
// Some phrases are planted in a few issues while their parts are spread through many,
// which is what makes phrase search hard (韶山灌区 vs 韶山 … 灌区).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.join(HERE, '..', 'test', 'fixtures', 'corpus', 'lianluodongtai-2019-09.txt');

/** mulberry32: a small seeded generator, so the same seed gives the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '张家界', '益阳', '郴州', '永州', '怀化', '娄底', '湘西'];
const TOPICS = [
  '代表小组活动',
  '代表联系群众',
  '代表建议办理',
  '民生实事项目',
  '乡村振兴',
  '精准扶贫',
  '农村公路建设',
  '基层人大建设',
  '代表履职档案',
  '人大代表之家',
  '饮水安全',
  '危房改造',
  '教育培训',
  '生态环境保护',
];
const HEADINGS_1 = ['基本情况', '主要做法', '主要成效', '主要问题', '几点建议', '下一步工作'];
const HEADINGS_2 = [
  '主要领导率先垂范',
  '保障措施逐步完善',
  '激励监督机制逐步规范',
  '制度建设不断加强',
  '工作平台作用明显',
  '代表作用充分发挥',
  '群众满意度不断提高',
];

/** Phrases planted in a few issues; each of their halves appears alone in many others. */
export const PLANTED: { phrase: string; parts: [string, string]; share: number }[] = [
  { phrase: '韶山灌区', parts: ['韶山', '灌区'], share: 0.015 },
  { phrase: '危桥', parts: ['危', '桥'], share: 0.02 },
  { phrase: '联系群众', parts: ['联系', '群众'], share: 0.05 },
  { phrase: '票决制', parts: ['票决', '制'], share: 0.03 },
  { phrase: '代表工作室', parts: ['代表', '工作室'], share: 0.02 },
  { phrase: '桥头社区', parts: ['桥头', '社区'], share: 0.01 },
  { phrase: '双联制度', parts: ['双联', '制度'], share: 0.01 },
  { phrase: '资兴市州门司镇', parts: ['资兴市', '州门司镇'], share: 0.01 },
  { phrase: '年久失修的人行桥', parts: ['年久失修', '人行桥'], share: 0.01 },
];

/** Sentences of the real issue, to reuse as the body of generated ones. */
async function realSentences(): Promise<string[]> {
  const lines = (await readFile(CORPUS, 'utf8')).split('\n').slice(20, 66);
  return lines
    .flatMap((line) => line.split('。'))
    .map((s) =>
      s
        .replace(/^[（(][一二三四五六七八九十]+[)）]/, '')
        .replace(/^[一二三四五六七八九十]+、/, '')
        .trim(),
    )
    .filter((s) => s.length > 12 && !/韶山灌区|危桥|联系群众|票决|工作室|桥头|双联|州门司|人行桥/.test(s));
}

export interface CorpusIssue {
  path: string;
  text: string;
  /** The plain text of each article, for checking search results against. */
  articles: { anchor: string; text: string }[];
}

export async function generateCorpus(count: number, seed = 583): Promise<CorpusIssue[]> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentences = await realSentences();
  const sentence = () => {
    let s = pick(sentences);
    for (const city of CITIES) if (s.includes(city) && next() < 0.5) s = s.replaceAll(city, pick(CITIES));
    return s;
  };
  const paragraph = (planted: string[]) => {
    const parts = Array.from({ length: 4 + Math.floor(next() * 4) }, sentence);
    // The halves of planted phrases appear apart, in many issues.
    for (const {
      parts: [a, b],
    } of PLANTED) {
      if (next() < 0.05) parts.splice(Math.floor(next() * parts.length), 0, `${pick(CITIES)}市${a}一带的工作人员介绍了情况`);
      if (next() < 0.05) parts.splice(Math.floor(next() * parts.length), 0, `有关${b}的意见建议得到及时处理`);
    }
    for (const phrase of planted) parts.splice(Math.floor(next() * parts.length), 0, `${pick(CITIES)}市${phrase}的问题引起代表关注`);
    return `${parts.join('，')}。`;
  };
  const issues: CorpusIssue[] = [];
  const perYear = 24;
  const firstYear = 2026 - Math.ceil(count / perYear);
  for (let i = 0; i < count; i++) {
    const year = firstYear + Math.floor(i / perYear);
    const number = (i % perYear) + 1;
    const date = `${year}-${String(Math.floor((number - 1) / 2) + 1).padStart(2, '0')}-${number % 2 ? '10' : '25'}`;
    const planted = PLANTED.filter(({ share }) => next() < share).map(({ phrase }) => phrase);
    const topic = pick(TOPICS);
    const city = pick(CITIES);
    const lines: string[] = [];
    const plantedLeft = [...planted];
    const body = () => {
      const here = plantedLeft.length > 0 && next() < 0.3 ? [plantedLeft.shift()!] : [];
      return paragraph(here);
    };
    for (const [h, heading] of HEADINGS_1.slice(0, 4 + Math.floor(next() * 2)).entries()) {
      lines.push(`${'一二三四五六'[h]}、${heading}`, '');
      for (let k = 0; k < 3; k++) lines.push(`（${'一二三'[k]}）${pick(HEADINGS_2)}。${body()}`, '');
    }
    if (plantedLeft.length > 0) lines.push(paragraph(plantedLeft), '');
    const report = lines.join('\n');
    const title = `关于${city}市${topic}情况的调研报告`;
    const flash = `${year}年${Number(date.slice(5, 7))}月${Number(date.slice(8))}日，${pick(CITIES)}市人大常委会召开会议，研究${pick(TOPICS)}工作。`;
    const text = [
      '---',
      `issue: ${number}`,
      `total: ${i + 1}`,
      `date: ${date}`,
      'distribution:',
      '  - 全国人大常委会办公厅联络局、研究室、新闻局、《中国人大》杂志社',
      '  - 各省、区、市人大常委会代表联络工作机构',
      '  - 各市州、县市区人大常委会联工委',
      '---',
      '',
      `# 【调研报告】${title}`,
      '',
      '省人大常委会联工委调研组',
      '',
      report,
      '# 快讯',
      '',
      flash,
      '',
    ].join('\n');
    issues.push({
      path: `content/${year}/${String(number).padStart(2, '0')}.md`,
      text,
      articles: [
        { anchor: `/${year}/${String(number).padStart(2, '0')}/#article-1`, text: title + report },
        { anchor: `/${year}/${String(number).padStart(2, '0')}/#article-2`, text: flash },
      ],
    });
  }
  return issues;
}

/** Writes a corpus as a project folder (content/ with site.yml) and returns it. */
export async function writeCorpus(dir: string, issues: CorpusIssue[]): Promise<void> {
  const site = await readFile(path.join(HERE, '..', 'content', 'site.yml'), 'utf8');
  await mkdir(path.join(dir, 'content'), { recursive: true });
  await writeFile(path.join(dir, 'content', 'site.yml'), site);
  for (const issue of issues) {
    await mkdir(path.dirname(path.join(dir, issue.path)), { recursive: true });
    await writeFile(path.join(dir, issue.path), issue.text);
  }
}
