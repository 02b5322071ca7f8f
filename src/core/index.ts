/** The public surface of the domain core, shared by the task pane, the ribbon command and the CLI. */
export * from './grid';
export * from './issues';
export { checkWorkbook } from './check';
export type { CheckOptions, CheckResult, MemberResult, ChiBoResult } from './check';
