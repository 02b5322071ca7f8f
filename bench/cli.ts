/**
 * `xeploai` as bin/xeploai.js starts it, from the benchmark's own build of src/ (bench/build, so that
 * the run measures the source as it is now and never touches lib/), reporting its resource use.
 */
import { reportUsageAtExit } from './rusage';
import { main } from '../src/cli/main';

reportUsageAtExit();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
