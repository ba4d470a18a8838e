/**
 * A tolerant reader of delimited text: Moodle's "CSV" download (tab-separated, quoted the way PHP's
 * `fputcsv` quotes), a comma-separated file, or one saved by a spreadsheet set to Indonesian (which
 * separates with `;`, the comma being its decimal sign). Handles a UTF-8 byte order mark, CRLF, LF
 * or CR line ends, quoted fields holding the separator, quotes or line breaks, and doubled quotes.
 */

export type Delimiter = '\t' | ',' | ';';

/** The separator of a table: the one the header line (outside quotes) holds most of; tabs win ties. */
export function detectDelimiter(text: string): Delimiter | null {
  const counts: Record<Delimiter, number> = { '\t': 0, ',': 0, ';': 0 };
  let quoted = false;
  for (const c of stripBom(text)) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as Delimiter] += 1;
  }
  const best = (['\t', ',', ';'] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : null;
}

export const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Rows of cells. A quote opens a quoted field only at the start of a cell; elsewhere it is kept as
 * written (hand-made files do that). Empty lines are left out; a quoted field left open at the end
 * of the text (a truncated file) ends there.
 */
export function readDelimited(text: string, delimiter: Delimiter): string[][] {
  const source = stripBom(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endRow = () => {
    row.push(cell);
    cell = '';
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '"' && cell === '') {
      // A quoted field: up to the next quote that is not doubled.
      i += 1;
      for (;;) {
        const end = source.indexOf('"', i);
        if (end < 0) {
          cell += source.slice(i);
          i = source.length;
          break;
        }
        cell += source.slice(i, end);
        if (source[end + 1] === '"') {
          cell += '"';
          i = end + 2;
        } else {
          i = end + 1;
          break;
        }
      }
      // Anything between the closing quote and the separator belongs to the cell too.
      continue;
    }
    if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      endRow();
      if (c === '\r' && source[i + 1] === '\n') i += 1;
    } else {
      // Plain text up to the next separator or line end, in one slice (reports run to megabytes).
      let j = i + 1;
      while (j < source.length && source[j] !== delimiter && source[j] !== '\n' && source[j] !== '\r') j += 1;
      cell += source.slice(i, j);
      i = j;
      continue;
    }
    i += 1;
  }
  if (cell !== '' || row.length) endRow();
  return rows;
}
