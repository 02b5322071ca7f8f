/** Test helper shared by the fake host's own tests. */
import { FakeRichApiError } from './errors';

/** Awaits `promise`, expecting it to reject with a RichApi.Error of `code`; returns that error. */
export async function richError(promise: Promise<unknown>, code: string): Promise<FakeRichApiError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but it resolved`);
    },
    (e: unknown) => e,
  );
  // Plain checks rather than jest's global `expect`: the benchmark compiles this folder without jest's types.
  if (!(error instanceof FakeRichApiError)) throw new Error(`expected a RichApi.Error ${code}, got ${String(error)}`);
  if (error.name !== 'RichApi.Error' || error.code !== code) throw new Error(`expected a RichApi.Error ${code}, got ${error.name} ${error.code}: ${error.message}`);
  return error;
}
