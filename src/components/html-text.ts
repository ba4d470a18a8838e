let inert: Document | undefined;

/**
 * Plain text of compiled lesson HTML, for places that need a string (e.g. "Your answer: …"). One
 * document without a window is reused (nothing in it runs or loads, as with DOMParser): a trainer's
 * table words hundreds of scenarios, and a new document for each costs more than the text.
 */
export function htmlToText(html: string): string {
  inert ??= document.implementation.createHTMLDocument('');
  inert.body.innerHTML = html;
  const text = inert.body.textContent ?? '';
  inert.body.textContent = '';
  return text;
}
