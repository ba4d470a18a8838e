/**
 * The bank as a Moodle XML question file (MOODLE-FORMATS §2): category pseudo-questions, then
 * single-answer `multichoice` questions with per-option feedback, idnumber and tags.
 */
import { categoryPath, inLanguage, plainInLanguage, type BankLanguage, type BankQuestion } from './questions.ts';

/** Text in CDATA; "]]>" cannot occur inside one, so it is split across two sections. */
export const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const html = (element: string, text: string, indent: string, attributes = '') =>
  `${indent}<${element}${attributes} format="html">\n${indent}  <text>${cdata(text)}</text>\n${indent}</${element}>`;

function questionXml(q: BankQuestion, lang: BankLanguage): string {
  const answers = q.options.map((o) => [
    `    <answer fraction="${o.correct ? 100 : 0}" format="html">`,
    `      <text>${cdata(inLanguage(o.text, lang))}</text>`,
    html('feedback', inLanguage(o.feedback, lang), '      '),
    '    </answer>',
  ].join('\n'));
  return [
    '  <question type="multichoice">',
    `    <name>\n      <text>${escapeXml(plainInLanguage(q.name, lang))}</text>\n    </name>`,
    html('questiontext', inLanguage(q.stem, lang), '    '),
    html('generalfeedback', inLanguage(q.general, lang), '    '),
    '    <defaultgrade>1</defaultgrade>',
    '    <penalty>0.3333333</penalty>',
    '    <hidden>0</hidden>',
    `    <idnumber>${escapeXml(q.idnumber)}</idnumber>`,
    '    <single>true</single>',
    // The course's own order: levels micro → macro, concept options a, b, c, d.
    '    <shuffleanswers>false</shuffleanswers>',
    '    <answernumbering>abc</answernumbering>',
    '    <showstandardinstruction>0</showstandardinstruction>',
    html('correctfeedback', '', '    '),
    html('partiallycorrectfeedback', '', '    '),
    html('incorrectfeedback', '', '    '),
    ...answers,
    `    <tags>\n${q.tags.map((tag) => `      <tag><text>${escapeXml(tag)}</text></tag>`).join('\n')}\n    </tags>`,
    '  </question>',
  ].join('\n');
}

const categoryXml = (name: string) =>
  `  <question type="category">\n    <category>\n      <text>${escapeXml(name)}</text>\n    </category>\n  </question>`;

export function moodleXml(questions: BankQuestion[], lang: BankLanguage): string {
  const blocks: string[] = [];
  let current = '';
  for (const q of questions) {
    const category = categoryPath(q, lang);
    if (category !== current) blocks.push(categoryXml((current = category)));
    blocks.push(questionXml(q, lang));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${blocks.join('\n')}\n</quiz>\n`;
}
