import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Custom search attributes of Đôn Đốc's workflows. Lists in the API come from
// Temporal visibility over these, never from a scan of workflows.
// DO NOT RENAME: running workflows and saved queries refer to these names.
export const searchAttributes = {
  plan: defineSearchAttributeKey('DondocPlan', SearchAttributeType.KEYWORD),
  task: defineSearchAttributeKey('DondocTask', SearchAttributeType.KEYWORD),
  agency: defineSearchAttributeKey('DondocAgency', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('DondocStatus', SearchAttributeType.KEYWORD),
  dueDate: defineSearchAttributeKey('DondocDueDate', SearchAttributeType.DATETIME),
  daysOverdue: defineSearchAttributeKey('DondocDaysOverdue', SearchAttributeType.INT),
} as const;

export const allSearchAttributeKeys = Object.values(searchAttributes);

const cliTypeNames: Partial<Record<SearchAttributeType, string>> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.INT]: 'Int',
};

/** `--search-attribute Name=Type` arguments for `temporal server start-dev` and `temporal operator`. */
export function searchAttributeCliArgs(): string[] {
  return allSearchAttributeKeys.flatMap((key) => ['--search-attribute', `${key.name}=${cliTypeNames[key.type] ?? key.type}`]);
}
