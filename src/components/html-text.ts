/** Plain text of compiled lesson HTML, for places that need a string (e.g. "Your answer: …"). */
export function htmlToText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}
