/** Command-line arguments of FORMS.md, parsed without surprises: anything unknown is a usage error. */

export interface CheckArgs {
  readonly command: 'check';
  readonly files: readonly string[];
  readonly json: boolean;
  readonly out: string | null;
  readonly ruleSet: string;
  /** `--rules` was given: a workbook whose "Bộ quy tắc" names another rule set gets a warning (it is followed). */
  readonly ruleSetExplicit: boolean;
  readonly options: Readonly<Record<string, string>>;
}

export interface AggregateArgs {
  readonly command: 'aggregate';
  readonly files: readonly string[];
  readonly json: boolean;
  /** The ward's workbook to write (`Tổng hợp`, the leaders' tally, `Kiểm tra`). */
  readonly out: string;
  readonly ruleSet: string;
  readonly ruleSetExplicit: boolean;
  readonly options: Readonly<Record<string, string>>;
}

export interface TemplateArgs {
  readonly command: 'template';
  readonly out: string;
  readonly example: boolean;
  /** Fill `Kế hoạch` with the seed plan's schedule, as written. */
  readonly plan: boolean;
  /** `--rules`; null: the rule set in force (TEMPLATE_RULE_SET), or hd27-2014 with `--plan` (the 2017 plan). */
  readonly ruleSet: string | null;
  /** `--criteria WARD.xlsx`: the ward's workbook whose `Bộ tiêu chí` is copied. */
  readonly criteria: string | null;
}

export interface HelpArgs {
  readonly command: 'help';
}

/** `ballots` (form 07-KĐ.ĐV for round 1 or 2) and `minutes` (biên bản kiểm phiếu): one file in, a copy out. */
export interface MeetingArgs {
  readonly command: 'ballots' | 'minutes';
  readonly file: string;
  readonly out: string;
  /**
   * Only for `ballots`: the round of form 07-KĐ.ĐV (hd27-2014, required there). null: no `--round`, which
   * under hd43-2025 asks for the members' scoring sheets (phiếu chấm điểm) instead (cli/meeting.ts).
   */
  readonly round: 1 | 2 | null;
  readonly ruleSet: string;
  readonly options: Readonly<Record<string, string>>;
}

export type CliArgs = CheckArgs | AggregateArgs | TemplateArgs | MeetingArgs | ConvertArgs | HelpArgs;

/** `convert`: a copy with legacy-encoded text (TCVN3, VNI) converted to Unicode (DATA-06). */
export interface ConvertArgs {
  readonly command: 'convert';
  readonly file: string;
  readonly out: string;
}

export class UsageError extends Error {}

export const USAGE = `Cách dùng (usage):
  npx xeploai check FILE.xlsx... [--json] [--out OUT.xlsx] [--rules hd43-2025|hd27-2014] [--option KEY=VALUE]...
  npx xeploai aggregate FILE.xlsx... --out TONGHOP.xlsx [--json] [--rules hd43-2025|hd27-2014] [--option KEY=VALUE]...
  npx xeploai template --out BLANK.xlsx [--rules hd43-2025|hd27-2014] [--criteria WARD.xlsx] [--example] [--plan]
  npx xeploai convert FILE.xlsx --out OUT.xlsx
  npx xeploai ballots FILE.xlsx [--round 1|2] --out OUT.xlsx [--rules hd27-2014] [--option KEY=VALUE]...
  npx xeploai minutes FILE.xlsx --out OUT.xlsx [--rules hd27-2014] [--option KEY=VALUE]...

  check      kiểm tra và xếp loại; mã thoát 0 = không có lỗi, 1 = có lỗi, 2 = không đọc được tệp
  --json     chỉ in báo cáo JSON ra stdout
  --out      ghi một bản sao có sheet kết quả và đánh dấu ô (tệp gốc không bao giờ bị ghi);
             với nhiều tệp, --out là một thư mục
  --rules    bộ quy tắc cho sổ không ghi ô "Bộ quy tắc" (mặc định hd27-2014, như các sổ cũ); sổ có ô
             này luôn được kiểm tra theo ô đó: hd43-2025 (Quy định 366, Hướng dẫn 43: chấm điểm, đề xuất
             xếp loại) hoặc hd27-2014 (Hướng dẫn 27: bỏ phiếu hai lần)
  --option   cách hiểu cho hd27-2014 (denominator, htnvCounting, capScope); hd43-2025 lấy thiết lập
             từ sheet Bộ tiêu chí
  aggregate  kiểm tra từng tệp của các chi bộ như check rồi tổng hợp toàn Đảng bộ (Mẫu 04-, 05-KĐ.ĐV)
             vào --out: sheet Tổng hợp, KQ biểu quyết CBLĐQL, Kiểm tra; lịch lấy từ sheet Kế hoạch
             của bất kỳ tệp nào; --option capScope=ward áp dụng giới hạn 15% trên toàn Đảng bộ
  template   tạo sổ mẫu trống với đủ các sheet nhập liệu (cả Kế hoạch, Hồ sơ chi bộ, Hồ sơ CBLĐQL),
             mặc định theo bộ quy tắc hd43-2025 (Quy định 366, Hướng dẫn 43; có sheet Bộ tiêu chí);
             --rules hd27-2014 tạo sổ theo Hướng dẫn 27 (2014); --criteria chép sheet Bộ tiêu chí từ sổ
             của đảng ủy; --example điền sẵn một chi bộ mẫu; --plan điền lịch của kế hoạch năm 2017
             đúng như văn bản (sổ theo hd27-2014)
  convert    chuyển chữ gõ bằng bảng mã cũ (TCVN3/ABC .VnTime, VNI) sang Unicode trong bản sao --out;
             chỉ đổi chữ và phông của các ô đó (DATA-06)
  ballots    in phiếu đánh giá (Mẫu 07-KĐ.ĐV) vào sheet Phiếu lần 1 / Phiếu lần 2 của bản sao --out:
             lần 1 gồm mọi đảng viên được phân loại, lần 2 gồm những đồng chí HTTNV sau lần 1 và số K
             của giới hạn 15%; số bản = số đảng viên chính thức có mặt; mã thoát 1 khi chưa in được;
             sổ theo hd43-2025 (không bỏ phiếu hai lần): bỏ --round, in phiếu chấm điểm từng đảng viên
             vào sheet Phiếu chấm điểm (theo Bộ tiêu chí, mỗi đồng chí một trang A4)
  minutes    lập Biên bản kiểm phiếu (số phiếu từng lần, kết quả từng đồng chí, giới hạn 15%, chữ ký)
             vào bản sao --out; mã thoát như check (chỉ sổ theo hd27-2014)`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === 'check') return parseCheck(rest);
  if (command === 'aggregate') return parseAggregate(rest);
  if (command === 'template') return parseTemplate(rest);
  if (command === 'convert') return parseConvert(rest);
  if (command === 'ballots' || command === 'minutes') return parseMeeting(command, rest);
  throw new UsageError(`Lệnh không hợp lệ: "${command}" (unknown command).`);
}

function takeValue(rest: readonly string[], i: number, flag: string): string {
  const value = rest[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} cần một giá trị (needs a value).`);
  return value;
}

function parseAggregate(rest: readonly string[]): AggregateArgs {
  const { files, json, out, ruleSet, ruleSetExplicit, options } = parseCheck(rest, 'tổng hợp');
  if (!out) throw new UsageError('aggregate cần --out TONGHOP.xlsx (the ward workbook to write).');
  return { command: 'aggregate', files, json, out, ruleSet, ruleSetExplicit, options };
}

function parseCheck(rest: readonly string[], verb = 'kiểm tra'): CheckArgs {
  const files: string[] = [];
  let json = false;
  let out: string | null = null;
  let ruleSet = 'hd27-2014';
  let ruleSetExplicit = false;
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--json') json = true;
    else if (a === '--out') out = takeValue(rest, i++, a);
    else if (a === '--rules') {
      ruleSet = takeValue(rest, i++, a);
      ruleSetExplicit = true;
    }
    else if (a === '--option') {
      const kv = takeValue(rest, i++, a);
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new UsageError(`--option cần dạng KEY=VALUE, nhận "${kv}".`);
      options[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
    } else if (a.startsWith('--')) throw new UsageError(`Tuỳ chọn không hợp lệ: ${a} (unknown option).`);
    else files.push(a);
  }
  if (files.length === 0) throw new UsageError(`Cần ít nhất một tệp .xlsx để ${verb} (no file given).`);
  return { command: 'check', files, json, out, ruleSet, ruleSetExplicit, options };
}

function parseTemplate(rest: readonly string[]): TemplateArgs {
  let out: string | null = null;
  let example = false;
  let plan = false;
  let ruleSet: string | null = null;
  let criteria: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--out') out = takeValue(rest, i++, a);
    else if (a === '--example') example = true;
    else if (a === '--plan') plan = true;
    else if (a === '--rules') ruleSet = takeValue(rest, i++, a);
    else if (a === '--criteria') criteria = takeValue(rest, i++, a);
    else throw new UsageError(`Tuỳ chọn không hợp lệ cho template: ${a}.`);
  }
  if (!out) throw new UsageError('template cần --out TỆP.xlsx.');
  return { command: 'template', out, example, plan, ruleSet, criteria };
}

function parseMeeting(command: 'ballots' | 'minutes', rest: readonly string[]): MeetingArgs {
  let round: 1 | 2 | null = null;
  const others: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] !== '--round') {
      others.push(rest[i]);
      continue;
    }
    if (command !== 'ballots') throw new UsageError('--round chỉ dùng với ballots.');
    const value = takeValue(rest, i++, '--round');
    if (value !== '1' && value !== '2') throw new UsageError(`--round là 1 hoặc 2, nhận "${value}".`);
    round = value === '1' ? 1 : 2;
  }
  const { files, json, out, ruleSet, options } = parseCheck(others, command === 'ballots' ? 'in phiếu' : 'lập biên bản');
  if (json) throw new UsageError(`${command} không có --json.`);
  if (files.length > 1) throw new UsageError(`${command} nhận đúng một tệp .xlsx (one file).`);
  if (!out) throw new UsageError(`${command} cần --out OUT.xlsx (a copy of the input with the sheet added).`);
  // Whether `ballots` needs `--round` depends on the workbook's rule set: cli/meeting.ts says so after reading it.
  return { command, file: files[0], out, round: command === 'ballots' ? round : 1, ruleSet, options };
}

function parseConvert(rest: readonly string[]): ConvertArgs {
  const files: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--out') out = takeValue(rest, i++, a);
    else if (a.startsWith('--')) throw new UsageError(`Tuỳ chọn không hợp lệ cho convert: ${a}.`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError('convert nhận đúng một tệp .xlsx (one file).');
  if (!out) throw new UsageError('convert cần --out OUT.xlsx (the converted copy to write).');
  return { command: 'convert', file: files[0], out };
}
