import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

/** Every href and src the HTML carries, to check no script-capable URL survives. */
function urlsIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]!);
}

describe('renderMarkdown', () => {
  it('renders headings, lists, emphasis and paragraphs', () => {
    const html = renderMarkdown('# Terms\n\n1. **Payouts** are *monthly*.\n2. Second\n\nLast paragraph.');
    expect(html).toContain('<h1>Terms</h1>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<strong>Payouts</strong>');
    expect(html).toContain('<em>monthly</em>');
    expect(html).toContain('<p>Last paragraph.</p>');
  });

  it('escapes raw HTML: script tags and event-handler attributes come out as text', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nHi <img src=x onerror="alert(1)"> there');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('refuses javascript:, data: and vbscript: links, including disguised ones', () => {
    const sources = [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](java\tscript:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](vbscript:msgbox(1))',
      '<javascript:alert(1)>',
      '[x]: javascript:alert(1)\n\n[x]',
    ];
    for (const source of sources) {
      const html = renderMarkdown(source);
      expect(html, source).not.toContain('<a');
      expect(urlsIn(html), source).toEqual([]);
    }
  });

  it('refuses relative and protocol-less links (they would resolve against the operator page)', () => {
    expect(renderMarkdown('[x](/admin)')).not.toContain('<a');
    expect(renderMarkdown('[x](../x)')).not.toContain('<a');
  });

  it('opens http(s) links in a new tab without an opener or referrer', () => {
    const html = renderMarkdown('[rules](https://example.com/rules?a=1&b=2)');
    expect(html).toContain(
      '<a href="https://example.com/rules?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">rules</a>',
    );
  });

  it('turns autolinks and bare URLs into safe links, and mailto works', () => {
    const html = renderMarkdown('<https://example.com> and https://example.org/x. and <partners@example.com>');
    expect(urlsIn(html)).toEqual(['https://example.com', 'https://example.org/x', 'mailto:partners@example.com']);
    expect(html.match(/rel="noopener noreferrer nofollow" target="_blank"/g)).toHaveLength(3);
  });

  it('keeps http(s) images and drops javascript:/data: images', () => {
    const good = renderMarkdown('![logo](https://cdn.example.com/logo.png)');
    expect(good).toContain('<img src="https://cdn.example.com/logo.png" alt="logo"');
    for (const source of [
      '![x](javascript:alert(1))',
      '![x](data:image/svg+xml;base64,PHN2Zz4=)',
      '![x](mailto:a@b.c)',
    ]) {
      const html = renderMarkdown(source);
      expect(html, source).not.toContain('<img');
      expect(urlsIn(html), source).toEqual([]);
    }
  });

  it('escapes quotes in link titles and text', () => {
    const html = renderMarkdown('[a "b"](https://example.com "t\\" onmouseover=\\"x")');
    expect(html).not.toMatch(/"\s+onmouseover=/);
    expect(html).toContain('title="t&quot; onmouseover=&quot;x"');
  });
});
