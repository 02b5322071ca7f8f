/**
 * The JSON report written piece by piece: exactly the text of `JSON.stringify(value, null, 2)` and a
 * newline, but each member and issue of a large report is stringified on its own, so a 100,000-member
 * report never exists as one 70 MB string (and its UTF-8 copy) beside the results it was made from.
 */
export async function writeJson(value: unknown, out: (text: string) => unknown): Promise<void> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    await out(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    await out('{}\n');
    return;
  }
  await out('{\n');
  for (const [i, [key, v]] of entries.entries()) {
    const last = i === entries.length - 1;
    const name = `  ${JSON.stringify(key)}: `;
    if (Array.isArray(v) && v.length > 0) {
      await out(`${name}[\n`);
      let chunk = '';
      for (let j = 0; j < v.length; j++) {
        const item: unknown = v[j];
        // As JSON.stringify writes them: undefined, functions and symbols in an array are null.
        const text = item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : JSON.stringify(item, null, 2);
        chunk += `${indent(text, '    ')}${j < v.length - 1 ? ',' : ''}\n`;
        if (chunk.length > CHUNK) {
          await out(chunk);
          chunk = '';
        }
      }
      await out(`${chunk}  ]${last ? '' : ','}\n`);
    } else {
      await out(`${name}${indent(JSON.stringify(v, null, 2), '  ').trimStart()}${last ? '' : ','}\n`);
    }
  }
  await out('}\n');
}

const CHUNK = 1 << 16;

function indent(text: string, pad: string): string {
  return pad + text.replace(/\n/g, `\n${pad}`);
}
