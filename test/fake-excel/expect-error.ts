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
  expect(error).toBeInstanceOf(FakeRichApiError);
  expect(error).toMatchObject({ name: 'RichApi.Error', code });
  return error as FakeRichApiError;
}
