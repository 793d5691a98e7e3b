// The bulletin's typesetting for the Eleventy build of the benchmark: the same work as our
// remark/rehype plugins and split-articles.ts, done the Eleventy way (a markdown-it plugin,
// then filters in the templates), so that both builds produce comparable pages.
import nzh from 'nzh/cn';

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d';
const FULL = { ',': '\uFF0C', ':': '\uFF1A', ';': '\uFF1B', '!': '\uFF01', '?': '\uFF1F' };
const AFTER_HAN = new RegExp(`(?<=[${HAN}])[,:;!?]`, 'g');
const BEFORE_HAN = new RegExp(`[,;](?=[${HAN}])`, 'g');
const HAN_IN_PARENS = new RegExp(`\\(([^()]*[${HAN}][^()]*)\\)`, 'g');

/** Half-width , : ; ! ? and ( ) beside Chinese text become full-width, as in print. */
export function chinesePunctuation(text) {
  return text
    .replace(HAN_IN_PARENS, '\uFF08$1\uFF09')
    .replace(AFTER_HAN, (mark) => FULL[mark])
    .replace(BEFORE_HAN, (mark) => FULL[mark]);
}

const NUMERALS = '一二三四五六七八九十百';
const LEVELS = [
  { level: 1, pattern: new RegExp(`^[${NUMERALS}]+、`) },
  { level: 2, pattern: new RegExp(`^[(\uFF08][${NUMERALS}]+[)\uFF09]`) },
  { level: 3, pattern: /^\d{1,2}[.\uFF0E](?!\d)/ },
  { level: 4, pattern: /^[(\uFF08]\d{1,2}[)\uFF09]/ },
];
const headingLevel = (text) => LEVELS.find(({ pattern }) => pattern.test(text))?.level;

/**
 * markdown-it plugin: punctuation, then 一、/（一）/1./（1） paragraphs as headings (h3–h6, with
 * ids article-N-sM) or run-in headings, as remark-bulletin-headings and rehype-article-ids do.
 */
export function markdownBulletin(md) {
  md.core.ruler.push('bulletin', (state) => {
    const tokens = state.tokens;
    let article = 0;
    let section = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type === 'inline') {
        for (const child of token.children) if (child.type === 'text') child.content = chinesePunctuation(child.content);
      }
      if (token.type === 'heading_open' && token.tag === 'h1') {
        article++;
        section = 0;
      }
      if (token.type !== 'paragraph_open' || tokens[i + 1]?.type !== 'inline') continue;
      const inline = tokens[i + 1];
      const text = inline.content;
      const level = headingLevel(text);
      if (level === undefined) continue;
      const standalone = [...text].length <= 40 && (level === 1 || !/[。;\uFF1B]/.test(text.replace(/[。.\uFF0E]$/, '')));
      if (standalone) {
        const tag = `h${Math.min(level + 2, 6)}`;
        token.tag = tokens[i + 2].tag = tag;
        token.attrSet('class', `h-${level}`);
        token.attrSet('id', `article-${article}-s${++section}`);
        continue;
      }
      const first = inline.children[0];
      if (first?.type !== 'text') continue;
      const stop = first.content.search(/[。!\uFF01?\uFF1F]/);
      const end = stop >= 0 && stop < 60 ? stop + 1 : (LEVELS[level - 1].pattern.exec(first.content)?.[0].length ?? 0);
      const open = new state.Token('html_inline', '', 0);
      open.content = `<span class="run-in h-${level}">`;
      const close = new state.Token('html_inline', '', 0);
      close.content = '</span>';
      const head = new state.Token('text', '', 0);
      head.content = first.content.slice(0, end);
      first.content = first.content.slice(end);
      inline.children.unshift(open, head, close);
    }
  });
}

const COLUMN_IN_TITLE = /^【([^】]*)】\s*(.*)$/s;
const BYLINE = /^<p>([^<。,，;；:：!！?？、\n]{1,40})<\/p>\n?/;
const ARTICLE_DATE = /^<p>[(\uFF08]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)\uFF09]<\/p>\n?/;
const CLOSING = /<p>([(\uFF08][^()\uFF08\uFF09<]+[:\uFF1A][^()\uFF08\uFF09<]+[)\uFF09])<\/p>\n?$/;
const LABEL_LENGTH = 24;

/** An issue's rendered body → its articles (column, title, byline, date, label, html), as split-articles.ts. */
export function articles(html, columns, defaultColumn) {
  const parts = html.split(/<h1>(.*?)<\/h1>\n?/s);
  const result = [];
  for (let i = 1; i < parts.length; i += 2) {
    const heading = parts[i].trim();
    let body = parts[i + 1] ?? '';
    const marked = COLUMN_IN_TITLE.exec(heading);
    let column = defaultColumn;
    let title = heading;
    if (marked) [column, title] = [marked[1].trim(), marked[2].trim() || null];
    else if (columns.includes(heading)) [column, title] = [heading, null];
    const article = { id: `article-${result.length + 1}`, column, title };
    if (title !== null) {
      const date = ARTICLE_DATE.exec(body);
      const byline = date ? null : BYLINE.exec(body);
      if (date) body = body.slice(date[0].length);
      if (byline) {
        article.byline = byline[1].trim();
        body = body.slice(byline[0].length);
        const after = ARTICLE_DATE.exec(body);
        if (after) {
          article.date = `${after[1]}-${after[2].padStart(2, '0')}-${after[3].padStart(2, '0')}`;
          body = body.slice(after[0].length);
        }
      }
    }
    body = body.replace(CLOSING, '<p class="closing">$1</p>');
    if (title === null) {
      const text = [...body.replace(/<[^>]+>/g, '').replace(/\s+/g, '')];
      article.label = `${column}\uFF1A${text.slice(0, LABEL_LENGTH).join('')}${text.length > LABEL_LENGTH ? '…' : ''}`;
      body = body.replace(/^<p>/, `<p><span class="column-label">${column}\uFF1A</span>`);
    } else {
      article.label = title;
    }
    article.html = body;
    result.push(article);
  }
  return result;
}

/** A Date (as js-yaml reads 2019-04-29) or a string → 2019-04-29. */
export const isoDate = (date) => (date instanceof Date ? date.toISOString().slice(0, 10) : String(date));

export function chineseDate(date) {
  const [y, m, d] = isoDate(date).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const chineseNumber = (n) => nzh.encodeS(n);

export function padName(name) {
  const chars = [...name];
  return chars.length === 2 ? `${chars[0]}\u3000${chars[1]}` : name;
}
