// Operator-written Markdown (terms and conditions, news) shown inside partners' pages. The HTML is
// built here, on the server, so every widget shows the same safe markup: raw HTML in the source is
// escaped, links and images may only point at http(s) (links also mailto), and links open in a new
// tab without handing the operator's page to the target (rel noopener noreferrer nofollow).
import MarkdownIt from 'markdown-it';

const linkSchemes = new Set(['http:', 'https:', 'mailto:']);
const imageSchemes = new Set(['http:', 'https:']);

/** The URL's scheme, lower-cased, or null when it is relative or cannot be read. */
function schemeOf(url: string): string | null {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip them first.
  const compact = [...url].filter((ch) => ch.charCodeAt(0) > 0x20 && !(ch >= '\u007f' && ch <= '\u009f')).join('');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return match ? `${match[1]!.toLowerCase()}:` : null;
}

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// markdown-it calls validateLink for links and images alike; absolute http(s)/mailto only, so a
// relative path cannot resolve against the operator's page into something unintended.
const defaultValidateLink = markdown.validateLink.bind(markdown);
markdown.validateLink = (url: string): boolean => {
  if (!defaultValidateLink(url)) return false;
  const scheme = schemeOf(url);
  return scheme !== null && linkSchemes.has(scheme);
};

const renderToken = markdown.renderer.renderToken.bind(markdown.renderer);

markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  token.attrSet('rel', 'noopener noreferrer nofollow');
  token.attrSet('target', '_blank');
  return self.renderToken(tokens, index, options);
};

// validateLink lets mailto through (it is fine for links); an image needs http(s).
const defaultImage = markdown.renderer.rules.image;
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const scheme = schemeOf(String(token.attrGet('src') ?? ''));
  if (scheme === null || !imageSchemes.has(scheme)) return markdown.utils.escapeHtml(token.content);
  token.attrSet('loading', 'lazy');
  token.attrSet('referrerpolicy', 'no-referrer');
  return defaultImage ? defaultImage(tokens, index, options, env, self) : renderToken(tokens, index, options);
};

/** Safe HTML for Markdown written by an operator: no raw HTML, only http(s)/mailto links, http(s) images. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
