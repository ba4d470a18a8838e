import { Marked, type Tokens } from 'marked';

/**
 * Markdown → HTML at build time. Lesson files may come from an agency, so the output is safe by
 * construction: raw HTML is shown as text, links keep only safe schemes, images become their alt text.
 */
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SAFE_HREF = /^(https?:\/\/|mailto:|#|\/|\.\/|\.\.\/)/i;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      // [word](glossary:term-id) links a word to its glossary entry.
      const term = /^glossary:([a-z0-9-]+)$/.exec(href)?.[1];
      if (term) return `<a class="term" href="#glossary-${term}" data-term="${term}">${label}</a>`;
      if (!SAFE_HREF.test(href)) return label;
      const external = /^https?:/i.test(href) ? ' rel="noopener noreferrer" target="_blank"' : '';
      return `<a href="${escapeHtml(href)}"${external}>${label}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

export const renderBlock = (md: string): string => (marked.parse(md) as string).trim();

export const renderInline = (md: string): string => (marked.parseInline(md) as string).trim();

/** Plain text of inline Markdown, for checks such as "the cue words occur in the text". */
/** Glossary ids that compiled HTML links to, so the compiler can check they exist. */
export const linkedTerms = (html: string): string[] => [...html.matchAll(/data-term="([a-z0-9-]+)"/g)].map((m) => m[1]);

export const plainText = (md: string): string =>
  md.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();

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
