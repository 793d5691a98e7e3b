// An issue page opened from a search hit (/2019/09/?highlight=危桥#article-1-s2): the words found
// are marked in the articles with Pagefind's highlighter (mark.js), loaded only then. Its own
// inline style is left out (the site's policy allows no inline styles): style.css sets the marks.
const HIGHLIGHT = 'highlight';

if (new URLSearchParams(location.search).has(HIGHLIGHT)) {
  const { default: PagefindHighlight } = await import(new URL('../pagefind/pagefind-highlight.js', import.meta.url).href);
  new PagefindHighlight({
    highlightParam: HIGHLIGHT,
    markContext: '.bulletin .article',
    // A title holds <wbr> between its words: a phrase may run across elements.
    markOptions: { className: 'search-highlight', exclude: [], acrossElements: true },
    addStyles: false,
  });
}
