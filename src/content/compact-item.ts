import { LEVELS, STRATEGIES, type ItemSpec } from './types.ts';

/**
 * Item structure travels in the always-loaded manifest, so it is written as one short string:
 * "<id> <kind><answer index><option count, choice only>", e.g. "lvl-pkh-home-visit L0" or
 * "m1-preamble-goals C24". Only what the browser uses: type, options and answer.
 */
export function compactItem(item: ItemSpec): string {
  const kind = item.type === 'classify-level' ? 'L' : item.type === 'classify-strategy' ? 'S' : 'C';
  const count = kind === 'C' ? item.options.length : '';
  return `${item.id} ${kind}${item.options.indexOf(item.answer)}${count}`;
}

export function expandItem(compact: string): ItemSpec {
  const [id, code] = compact.split(' ');
  const kind = code[0];
  const options = kind === 'L' ? [...LEVELS] : kind === 'S' ? [...STRATEGIES] : ['a', 'b', 'c', 'd'].slice(0, Number(code[2]));
  return {
    id,
    type: kind === 'L' ? 'classify-level' : kind === 'S' ? 'classify-strategy' : 'choice',
    options,
    answer: options[Number(code[1])],
  };
}
