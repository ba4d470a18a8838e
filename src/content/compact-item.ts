import { LEVELS, STRATEGIES, type ItemSpec } from './types.ts';

/**
 * Item structure travels in the always-loaded manifest, so it is written as one short string:
 * "<code> <kind><answer index><option count, choice only>", e.g. "k3x9a L0" or "0f2bz C24".
 * Only what the browser uses: the item's code (which serves as its id there), type, options, answer.
 */
export function compactItem(item: ItemSpec): string {
  const kind = item.type === 'classify-level' ? 'L' : item.type === 'classify-strategy' ? 'S' : 'C';
  const count = kind === 'C' ? item.options.length : '';
  return `${item.code} ${kind}${item.options.indexOf(item.answer)}${count}`;
}

export function expandItem(compact: string): ItemSpec {
  const [itemCode, code] = compact.split(' ');
  const kind = code[0];
  const options = kind === 'L' ? [...LEVELS] : kind === 'S' ? [...STRATEGIES] : ['a', 'b', 'c', 'd'].slice(0, Number(code[2]));
  return {
    id: itemCode,
    code: itemCode,
    type: kind === 'L' ? 'classify-level' : kind === 'S' ? 'classify-strategy' : 'choice',
    options,
    answer: options[Number(code[1])],
  };
}
