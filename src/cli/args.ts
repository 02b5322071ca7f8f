/** Command-line arguments of FORMS.md, parsed without surprises: anything unknown is a usage error. */

export interface CheckArgs {
  readonly command: 'check';
  readonly files: readonly string[];
  readonly json: boolean;
  readonly out: string | null;
  readonly ruleSet: string;
  readonly options: Readonly<Record<string, string>>;
}

export interface TemplateArgs {
  readonly command: 'template';
  readonly out: string;
  readonly example: boolean;
}

export interface HelpArgs {
  readonly command: 'help';
}

export type CliArgs = CheckArgs | TemplateArgs | HelpArgs;

export class UsageError extends Error {}

export const USAGE = `Cách dùng (usage):
  npx xeploai check FILE.xlsx... [--json] [--out OUT.xlsx] [--rules hd27-2014] [--option KEY=VALUE]...
  npx xeploai template --out BLANK.xlsx [--example]

  check     kiểm tra và xếp loại; mã thoát 0 = không có lỗi, 1 = có lỗi, 2 = không đọc được tệp
  --json    chỉ in báo cáo JSON ra stdout
  --out     ghi một bản sao có sheet kết quả và đánh dấu ô (tệp gốc không bao giờ bị ghi);
            với nhiều tệp, --out là một thư mục
  template  tạo sổ mẫu trống với đủ các sheet nhập liệu; --example điền sẵn một chi bộ mẫu`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === 'check') return parseCheck(rest);
  if (command === 'template') return parseTemplate(rest);
  throw new UsageError(`Lệnh không hợp lệ: "${command}" (unknown command).`);
}

function takeValue(rest: readonly string[], i: number, flag: string): string {
  const value = rest[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} cần một giá trị (needs a value).`);
  return value;
}

function parseCheck(rest: readonly string[]): CheckArgs {
  const files: string[] = [];
  let json = false;
  let out: string | null = null;
  let ruleSet = 'hd27-2014';
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') json = true;
    else if (a === '--out') out = takeValue(rest, i++, a);
    else if (a === '--rules') ruleSet = takeValue(rest, i++, a);
    else if (a === '--option') {
      const kv = takeValue(rest, i++, a);
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new UsageError(`--option cần dạng KEY=VALUE, nhận "${kv}".`);
      options[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
    } else if (a.startsWith('--')) throw new UsageError(`Tuỳ chọn không hợp lệ: ${a} (unknown option).`);
    else files.push(a);
  }
  if (files.length === 0) throw new UsageError('Cần ít nhất một tệp .xlsx để kiểm tra (no file given).');
  return { command: 'check', files, json, out, ruleSet, options };
}

function parseTemplate(rest: readonly string[]): TemplateArgs {
  let out: string | null = null;
  let example = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--out') out = takeValue(rest, i++, a);
    else if (a === '--example') example = true;
    else throw new UsageError(`Tuỳ chọn không hợp lệ cho template: ${a}.`);
  }
  if (!out) throw new UsageError('template cần --out TỆP.xlsx.');
  return { command: 'template', out, example };
}
