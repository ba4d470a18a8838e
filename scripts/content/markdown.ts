import { Marked, Tokenizer, type Tokens } from 'marked';

/**
 * Markdown → HTML at build time. Lesson files may come from an agency, so the output is safe by
 * construction: raw HTML is shown as text, links keep only safe schemes, images become their alt text.
 */
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Where a link may go. Links to another site are marked external (a new tab, no referrer) so they
 * never open inside the course's frame. A protocol-relative (`//host/path`) or backslash (`/\host`)
 * address reaches another site while looking like a path, so it is dropped (its label stays), as
 * are other schemes such as `javascript:`. Browsers ignore tabs and newlines in addresses, so
 * those are removed before deciding.
 */
export type LinkKind = 'internal' | 'external' | 'dropped';
export function linkKind(href: string): LinkKind {
  const url = href.replace(/[\t\n\r]/g, '').trim();
  if (url.includes('\\')) return 'dropped';
  if (/^https?:\/\/[^/]/i.test(url)) return 'external';
  if (/^mailto:/i.test(url)) return 'internal';
  if (/^(\/\/|[a-z][a-z0-9+.-]*:)/i.test(url)) return 'dropped';
  return url ? 'internal' : 'dropped';
}

/** Addresses dropped while rendering, collected so the compiler can warn the author. */
let dropped: string[] = [];
export function takeDroppedLinks(): string[] {
  const list = dropped;
  dropped = [];
  return list;
}

/**
 * marked's GFM text and autolink rules look ahead for an e-mail address at every character, which
 * is quadratic on long runs such as 200 KB of `_a` (38 s). An address is short, so the look-ahead is
 * bounded: text is tokenised in slices (adjacent text tokens merge), and an autolink is only tried
 * where one can start. The output is the same for any real lesson text.
 */
const TEXT_SLICE = 256;
const AUTOLINK_START = /^(https?:\/\/|ftp:\/\/|www\.|mailto:|xmpp:|[A-Za-z0-9._+-]{1,64}@)/i;
const base = new Tokenizer();

const marked = new Marked({
  gfm: true,
  async: false,
  tokenizer: {
    inlineText(src: string) {
      return base.inlineText.call(this, src.slice(0, TEXT_SLICE));
    },
    url(src: string) {
      return AUTOLINK_START.test(src) ? base.url.call(this, src) : undefined;
    },
  },
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      // [word](glossary:term-id) links a word to its glossary entry.
      const term = /^glossary:([a-z0-9-]+)$/.exec(href)?.[1];
      if (term) return `<a class="term" href="#glossary-${term}" data-term="${term}">${label}</a>`;
      const kind = linkKind(href);
      if (kind === 'dropped') {
        dropped.push(href);
        return label;
      }
      const external = kind === 'external' ? ' rel="noopener noreferrer" target="_blank"' : '';
      return `<a href="${escapeHtml(href)}"${external}>${label}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

/** Block quotes and lists nest at most this deep; deeper input would overflow the parser's stack. */
export const MAX_NESTING = 10;

/** Thrown for Markdown too deeply nested to render; the compiler reports it against the file. */
export class MarkdownError extends Error {}

function checkNesting(md: string) {
  let deepest = 0;
  for (const line of md.split('\n')) {
    const quotes = /^(?: {0,3}>)+/.exec(line)?.[0].split('>').length ?? 1;
    const listIndent = /^( *)(?:[-*+]|\d{1,9}[.)]) /.exec(line)?.[1].length ?? 0;
    deepest = Math.max(deepest, quotes - 1, Math.floor(listIndent / 2));
    if (deepest > MAX_NESTING) {
      throw new MarkdownError(`block quotes or lists are nested ${deepest > 100 ? 'over 100' : deepest} levels deep: at most ${MAX_NESTING} are allowed`);
    }
  }
}

function render(md: string, inline: boolean): string {
  checkNesting(md);
  try {
    return ((inline ? marked.parseInline(md) : marked.parse(md)) as string).trim();
  } catch (error) {
    if (error instanceof RangeError) throw new MarkdownError('the Markdown is nested too deeply to render: use fewer levels of quotes, lists or emphasis');
    throw error;
  }
}

export const renderBlock = (md: string): string => render(md, false);

export const renderInline = (md: string): string => render(md, true);

/** Glossary ids that compiled HTML links to, so the compiler can check they exist. */
export const linkedTerms = (html: string): string[] => [...html.matchAll(/data-term="([a-z0-9-]+)"/g)].map((m) => m[1]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text a learner reads of inline Markdown: markup and link addresses gone, white space collapsed. */
export const visibleText = (md: string): string =>
  renderInline(md)
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim();

export interface PageSource {
  title: string;
  body: string;
}

/** Splits a lesson file into pages at each `## ` heading. Text before the first heading is an error. */
export function splitPages(md: string): { pages: PageSource[]; preamble: string } {
  const parts = md.replace(/\r\n/g, '\n').split(/^## +/m);
  const preamble = parts.shift()?.trim() ?? '';
  const pages = parts.map((part) => {
    const newline = part.indexOf('\n');
    const title = (newline === -1 ? part : part.slice(0, newline)).trim();
    const body = newline === -1 ? '' : part.slice(newline + 1).trim();
    return { title, body };
  });
  return { pages, preamble };
}
