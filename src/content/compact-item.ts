import { LEVELS, STRATEGIES, type ItemSpec, type PartSpec, type QuestionType } from './types.ts';

/**
 * Item structure travels in the always-loaded manifest, so it is written as one short string:
 * "<code> <kind><answer index><option count, choice only>", e.g. "k3x9a L0" or "0f2bz C24";
 * a sort lists its cases' levels, "7hq2m T0120"; a case its steps, "p0c2x KL0S2C13".
 * Only what the browser uses: the item's code (which serves as its id there), type, options, answer.
 */
const KINDS: Record<string, QuestionType> = { L: 'classify-level', S: 'classify-strategy', C: 'choice' };
const KIND_OF = Object.fromEntries(Object.entries(KINDS).map(([kind, type]) => [type, kind]));

const compactPart = (part: PartSpec) =>
  `${KIND_OF[part.type]}${part.options.indexOf(part.answer)}${part.type === 'choice' ? part.options.length : ''}`;

export function compactItem(item: ItemSpec): string {
  if (item.type === 'sort') return `${item.code} T${item.answer}`;
  if (item.type === 'case') return `${item.code} K${item.parts!.map(compactPart).join('')}`;
  return `${item.code} ${compactPart(item as PartSpec)}`;
}

function expandPart(code: string): PartSpec {
  const type = KINDS[code[0]];
  const options = type === 'classify-level' ? [...LEVELS] : type === 'classify-strategy' ? [...STRATEGIES] : ['a', 'b', 'c', 'd'].slice(0, Number(code[2]));
  return { type, options, answer: options[Number(code[1])] };
}

export function expandItem(compact: string): ItemSpec {
  const [code, spec] = compact.split(' ');
  const item = { id: code, code };
  if (spec[0] === 'T' || spec[0] === 'K') {
    const parts = spec[0] === 'T' ? [...spec.slice(1)].map((i) => expandPart(`L${i}`)) : spec.slice(1).match(/[LS]\d|C\d\d/g)!.map(expandPart);
    return { ...item, type: spec[0] === 'T' ? 'sort' : 'case', options: [], answer: rightResponse(parts), parts };
  }
  return { ...item, ...expandPart(spec) };
}

/** The response that gets every part right: one option index per part. */
export const rightResponse = (parts: readonly PartSpec[]) => parts.map((p) => p.options.indexOf(p.answer).toString(36)).join('');
