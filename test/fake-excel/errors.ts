/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (class `RuntimeError` in office.js): `name` is
 * always 'RichApi.Error', `code` is the machine-readable reason, `debugInfo.errorLocation` says which
 * member failed. Add-in code branches on `code`, so the codes and their timing (thrown at once by the
 * client library, or rejected by `context.sync()` because the host refused) must match the real ones.
 *
 * The client-side texts are copied from office.js (node_modules/@microsoft/office-js/dist/excel-*.debug.js,
 * `CoreUtility.addResourceStringValues`); the host-side texts are the ones Excel sends back.
 */

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class FakeRichApiError extends Error {
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: FakeRichApiError | null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string, httpStatusCode = 400) {
    super(message);
    // office.js sets this name on every RuntimeError; `error.name === 'RichApi.Error'` is how add-ins
    // tell host errors from their own.
    this.name = 'RichApi.Error';
    this.code = code;
    this.httpStatusCode = httpStatusCode;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  /** The host reports where a batch failed; the fake fills it in when the failing request is known. */
  withLocation(errorLocation: string): this {
    if (!this.debugInfo.errorLocation) this.debugInfo.errorLocation = errorLocation;
    return this;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** The codes the fake raises (a subset of `OfficeExtension.ErrorCodes` and `Excel.ErrorCodes`). */
export const ErrorCodes = {
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidObjectPath: 'InvalidObjectPath',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidRequestContext: 'InvalidRequestContext',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  propertyNotLoaded: 'PropertyNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  valueNotLoaded: 'ValueNotLoaded',
} as const;

// ---- Thrown synchronously by the client library (office.js), before anything reaches Excel. ----

export function propertyNotLoaded(property: string, typeName: string | null): FakeRichApiError {
  return new FakeRichApiError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    typeName ? `${typeName}.${property}` : undefined,
  );
}

export function valueNotLoaded(): FakeRichApiError {
  return new FakeRichApiError(
    ErrorCodes.valueNotLoaded,
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
    'clientResult.value',
  );
}

/** office.js checks some members against the host's requirement sets as they are called. */
export function apiNotSupportedByClient(member: string, version: string): FakeRichApiError {
  return new FakeRichApiError(
    ErrorCodes.apiNotFound,
    `The method or property ${member} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
    member,
    404,
  );
}

export function invalidObjectPath(path: string): FakeRichApiError {
  return new FakeRichApiError(
    ErrorCodes.invalidObjectPath,
    `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    path,
  );
}

export function runMustReturnPromise(): FakeRichApiError {
  return new FakeRichApiError(
    ErrorCodes.runMustReturnPromise,
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
    'Excel.run',
  );
}

// ---- Returned by Excel for one request of a batch; `context.sync()` rejects with them. ----

export function itemNotFound(): FakeRichApiError {
  return new FakeRichApiError(ErrorCodes.itemNotFound, "The requested resource doesn't exist.", undefined, 404);
}

export function invalidArgument(detail?: string): FakeRichApiError {
  // Excel's own text carries no detail; the fake appends one after a dash to help whoever debugs a test.
  const base = 'The argument is invalid or missing or has an incorrect format.';
  return new FakeRichApiError(ErrorCodes.invalidArgument, detail ? `${base} (fake: ${detail})` : base);
}

export function invalidOperation(detail?: string): FakeRichApiError {
  const base = 'The operation attempted is invalid on the object.';
  return new FakeRichApiError(ErrorCodes.invalidOperation, detail ? `${base} (fake: ${detail})` : base);
}

export function generalException(detail?: string): FakeRichApiError {
  const base = 'There was an internal error while processing the request.';
  return new FakeRichApiError(ErrorCodes.generalException, detail ? `${base} (fake: ${detail})` : base);
}

export function itemAlreadyExists(): FakeRichApiError {
  return new FakeRichApiError(ErrorCodes.itemAlreadyExists, 'A resource with the same name or identifier already exists.', undefined, 409);
}

/** What an Excel older than the member's requirement set answers when the request reaches it. */
export function apiNotFoundByHost(member: string): FakeRichApiError {
  return new FakeRichApiError(
    ErrorCodes.apiNotFound,
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel-api-requirement-sets" for more information.',
    member,
    404,
  );
}

export function requestPayloadTooLarge(): FakeRichApiError {
  return new FakeRichApiError(
    ErrorCodes.requestPayloadSizeLimitExceeded,
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
    undefined,
    413,
  );
}

export function responsePayloadTooLarge(): FakeRichApiError {
  return new FakeRichApiError(
    ErrorCodes.responsePayloadSizeLimitExceeded,
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
    undefined,
    413,
  );
}
