import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { eachElement, eachNode, eachText } from './each-node.ts';

const html = (text: string): HastRoot => fromHtml(text, { fragment: true });

describe('eachNode', () => {
  it('visits every node once, each before its children, in the order of the document', () => {
    const seen: string[] = [];
    eachNode(html('<p>一<em>二<b>三</b></em></p><!--注--><p>四</p>'), (node) => {
      seen.push(node.type === 'element' ? node.tagName : node.type === 'text' || node.type === 'comment' ? `${node.type}:${node.value}` : node.type);
    });
    expect(seen).toEqual(['root', 'p', 'text:一', 'em', 'text:二', 'b', 'text:三', 'comment:注', 'p', 'text:四']);
  });

  it('walks the children a visitor leaves, so that what it changes is what is walked', () => {
    const tree = html('<p>一</p>');
    const texts: string[] = [];
    eachNode(tree, (node) => {
      if (node.type === 'element') node.children = [{ type: 'text', value: '换' }];
      if (node.type === 'text') texts.push(node.value);
    });
    expect(texts).toEqual(['换']);
  });

  it('walks on in the children a visitor below leaves to a node above it, as unist-util-visit does', () => {
    const tree: HastRoot = {
      type: 'root',
      children: [
        { type: 'text', value: '甲' },
        { type: 'text', value: '乙' },
      ],
    };
    const seen: string[] = [];
    eachNode(tree, (node) => {
      seen.push(node.type === 'text' ? node.value : node.type);
      if (node.type === 'text' && node.value === '甲') tree.children = [node, { type: 'text', value: '丙' }];
    });
    expect(seen).toEqual(['root', '甲', '丙']);
  });
});

describe('eachElement and eachText', () => {
  it('visit only the elements of an HTML tree', () => {
    const names: string[] = [];
    eachElement(html('<table><tr><td rowspan="2">甲</td></tr></table>'), (element) => names.push(element.tagName));
    expect(names).toEqual(['table', 'tbody', 'tr', 'td']);
  });

  it('visit only the text of a Markdown tree, inside emphasis and links too', () => {
    const values: string[] = [];
    eachText(unified().use(remarkParse).parse('一、*二*[三](https://example.org)\n\n- 四'), (text) => values.push(text.value));
    expect(values).toEqual(['一、', '二', '三', '四']);
  });
});
