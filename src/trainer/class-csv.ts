import type { ClassItem } from './class-plan.ts';
import { optionLetter, percentOf, type ScenarioResult } from './class-summary.ts';

export interface CsvWords {
  /** Column headings, in the trainer's language. */
  header: [scenario: string, code: string, module: string, option: string, label: string, right: string, votes: string, percent: string];
  yes: string;
  no: string;
  module: (moduleId: string) => string;
  option: (item: ClassItem, key: string) => string;
}

/** A spreadsheet cell: quoted when needed, and never read as a formula by a spreadsheet program. */
const cell = (value: string | number) => {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The session as CSV (see csvText), one row per scenario and option. */
export function summaryCsv(results: readonly ScenarioResult<ClassItem>[], words: CsvWords): string {
  const rows: (string | number)[][] = [words.header];
  results.forEach((result, index) => {
    result.item.options.forEach((key, i) => {
      rows.push([
        index + 1,
        result.item.code,
        words.module(result.item.module),
        optionLetter(i),
        words.option(result.item, key),
        key === result.item.answer ? words.yes : words.no,
        result.votes[i],
        percentOf(result.votes[i], result.total),
      ]);
    });
  });
  return csvText(rows);
}

/**
 * Rows as CSV: UTF-8 with a byte-order mark so spreadsheet programs read Indonesian text correctly,
 * CRLF line ends as RFC 4180 says.
 */
export const csvText = (rows: readonly (readonly (string | number)[])[]) => `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
