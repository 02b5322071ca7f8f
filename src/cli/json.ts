/**
 * The JSON report written piece by piece: exactly the text of `JSON.stringify(value, null, 2)` and a
 * newline, but each member and issue of a large report is stringified on its own, so a 100,000-member
 * report never exists as one 70 MB string (and its UTF-8 copy) beside the results it was made from.
 *
 * Each piece is indented by JSON.stringify itself, by wrapping it in arrays to the depth it has in the
 * report and cutting the brackets off, never by re-indenting its text: one pass over the text, and a
 * string value's "\n" is escaped anyway, so only the lines JSON.stringify makes are ever indented.
 */
export async function writeJson(value: unknown, out: (text: string) => unknown): Promise<void> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    await out(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  const entries = jsonEntries(value as Record<string, unknown>);
  if (entries.length === 0) {
    await out('{}\n');
    return;
  }
  await out('{\n');
  for (const [i, [key, v]] of entries.entries()) await writeEntry(key, v, i === entries.length - 1, out);
  await out('}\n');
}

/** The entries of an object that JSON.stringify writes (not undefined, functions or symbols), in order. */
export function jsonEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
}

/** One entry of the report's top level, its comma unless `last`: an array item by item, anything else whole. */
export async function writeEntry(key: string, value: unknown, last: boolean, out: (text: string) => unknown): Promise<void> {
  const name = `  ${JSON.stringify(key)}: `;
  if (Array.isArray(value) && value.length > 0) {
    await out(`${name}[\n`);
    let chunk = '';
    for (let j = 0; j < value.length; j++) {
      // As JSON.stringify writes them: undefined, functions and symbols in an array are null.
      chunk += `${itemsAtDepth2([value[j]])}${j < value.length - 1 ? ',' : ''}\n`;
      if (chunk.length > CHUNK) {
        await out(chunk);
        chunk = '';
      }
    }
    await out(`${chunk}  ]${last ? '' : ','}\n`);
  } else {
    await out(`${name}${valueAtDepth1(value)}${last ? '' : ','}\n`);
  }
}

const CHUNK = 1 << 16;

/**
 * The items of an array as `JSON.stringify(report, null, 2)` writes them inside one of the report's
 * arrays (depth 2: four spaces before each of their lines), joined by ",\n", without the brackets; one
 * call for many items. Wrapped twice, the items are at that depth; the 6 characters cut at each end are
 * "[\n  [\n" and "\n  ]\n]". Undefined, functions and symbols become null, as in any array. `items` must
 * not be empty (its text would be "[\n  []\n]").
 */
export function itemsAtDepth2(items: readonly unknown[]): string {
  return JSON.stringify([items], null, 2).slice(6, -6);
}

/** A value (not undefined, a function or a symbol) as it is written after its key at the report's top level: "[\n  " and "\n]" cut. */
function valueAtDepth1(value: unknown): string {
  return JSON.stringify([value], null, 2).slice(4, -2);
}
