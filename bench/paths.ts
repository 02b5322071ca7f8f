/** Where things are, from the compiled file's place (bench/build/bench/*.js). */
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const BUILD = join(ROOT, 'bench', 'build');
export const RESULTS = join(ROOT, 'bench', 'results');
