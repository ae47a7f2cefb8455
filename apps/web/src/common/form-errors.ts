// The API validates every form; its 400 names each refused field ("percent",
// "tasks.2.results"), which becomes the message under that control.
import type { FormInstance } from 'antd';

import { ApiError } from './api-client';

/** Puts the API's field messages under the matching controls; returns the messages no control took. */
export function showFieldErrors(form: FormInstance, error: unknown, fieldOf: (apiField: string) => (string | number)[] | null = defaultField): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : String(error)];
  const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const unplaced: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of error.issues) {
    const name = fieldOf(issue.field);
    if (!name || !known.has(String(name[0]))) {
      unplaced.push(issue.reason);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.reason);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  if (error.issues.length === 0) unplaced.push(error.message);
  return unplaced;
}

/** "tasks.2.results" → ["tasks", 2, "results"]. */
function defaultField(apiField: string): (string | number)[] | null {
  if (!apiField || apiField === '(body)') return null;
  return apiField.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
