// Zod issues → findings with Vietnamese messages. Messages are written by the
// error map (which sees the input and the schema); a message a schema sets
// itself, such as "chưa ghi cơ quan chủ trì", takes precedence over it.
// Unknown fields get one finding each, placed on the field, with the nearest
// allowed name: strict schemas exist to catch typos like `deadlline`.
import { z } from 'zod';

import type { DiagnosticCode, FieldPath, Finding } from '../diagnostics/diagnostic';
import { formatPath } from '../diagnostics/diagnostic';
import { suggestWord } from '../text/suggest';
import { describeExpected, describeValue, preview } from './describe-value';

/** Set on custom issues so each maps to a stable diagnostic code. */
export interface CustomIssueParams {
  readonly code: DiagnosticCode;
}

export interface VietnameseIssues {
  /** Pass as `safeParse(data, { error, reportInput: true })`. */
  readonly error: z.core.$ZodErrorMap;
  toFindings(issues: readonly z.core.$ZodIssue[]): Finding[];
}

/** One per parse: it remembers the allowed fields of each object that had unknown ones. */
export function vietnameseIssues(): VietnameseIssues {
  const allowedKeys = new Map<string, readonly string[]>();

  const error: z.core.$ZodErrorMap = (issue) => {
    if (issue.code === 'unrecognized_keys') {
      if (issue.inst instanceof z.ZodObject) {
        allowedKeys.set(formatPath(toFieldPath(issue.path ?? [])), Object.keys(issue.inst.shape));
      }
      return 'trường lạ';
    }
    return describe(issue as z.core.$ZodIssue, toFieldPath(issue.path ?? []));
  };

  const toFindings = (issues: readonly z.core.$ZodIssue[]): Finding[] => {
    const unknown: Finding[] = [];
    const explained = new Set<string>();
    for (const issue of issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      const path = toFieldPath(issue.path);
      const allowed = allowedKeys.get(formatPath(path)) ?? [];
      for (const key of issue.keys) {
        const near = suggestWord(key, allowed);
        // "deadlline" also leaves "deadline" missing; one message about the typo says it all.
        if (near) explained.add(formatPath([...path, near]));
        unknown.push({ path: [...path, key], code: 'unknown-field', message: unknownField(key, near, allowed) });
      }
    }
    const others = issues
      .filter((issue) => issue.code !== 'unrecognized_keys')
      .map((issue): Finding => {
        const path = toFieldPath(issue.path);
        return { path, code: codeOf(issue), message: issue.message };
      })
      .filter((finding) => !(finding.code === 'missing-field' && explained.has(formatPath(finding.path))));
    return [...others, ...unknown];
  };

  return { error, toFindings };
}

/** Zod allows symbol keys; YAML data never has them. */
function toFieldPath(path: readonly PropertyKey[]): FieldPath {
  return path.filter((segment): segment is string | number => typeof segment !== 'symbol');
}

function unknownField(key: string, near: string | null, allowed: readonly string[]): string {
  if (near) return `trường lạ "${key}" (có phải "${near}"?)`;
  return allowed.length > 0 ? `trường lạ "${key}"; các trường được phép: ${allowed.join(', ')}` : `trường lạ "${key}"`;
}

function codeOf(issue: z.core.$ZodIssue): DiagnosticCode {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'missing-field';
      return issue.input === null ? 'empty-value' : 'wrong-type';
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string' ? 'empty-value' : 'invalid-value';
    case 'custom':
      return (issue.params as Partial<CustomIssueParams> | undefined)?.code ?? 'invalid-value';
    default:
      return 'invalid-value';
  }
}

function describe(issue: z.core.$ZodIssue, path: FieldPath): string {
  const field = path.at(-1);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = describeExpected(issue.expected);
      if (issue.input === undefined) {
        return typeof field === 'string' ? `thiếu trường bắt buộc "${field}" (${expected})` : `thiếu giá trị (${expected})`;
      }
      if (issue.input === null) return `không được để trống; cần ${expected}`;
      const hint = issue.expected === 'array' && typeof issue.input === 'string' ? `; viết [${issue.input}]` : '';
      return `phải là ${expected}, không phải ${describeValue(issue.input)}${hint}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return 'danh sách không được để trống';
      if (issue.origin === 'string') return 'không được để trống';
      return `phải từ ${String(issue.minimum)} trở lên`;
    case 'too_big':
      return `không được lớn hơn ${String(issue.maximum)}`;
    case 'invalid_value': {
      const options = issue.values.map(String);
      const near = typeof issue.input === 'string' ? suggestWord(issue.input, options) : null;
      const suggestion = near ? ` (có phải "${near}"?)` : '';
      return `giá trị ${describeValue(issue.input)} không hợp lệ${suggestion}; chọn một trong: ${options.join(', ')}`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return `địa chỉ e-mail không hợp lệ ${preview(String(issue.input ?? ''))}`;
      return `sai định dạng (${issue.format})`;
    default:
      return 'giá trị không hợp lệ';
  }
}
