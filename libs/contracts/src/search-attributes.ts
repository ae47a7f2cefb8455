// Custom search attributes of Đôn Đốc's workflows. Lists in the API come from
// Temporal visibility over these, never from a scan of workflows.
// DO NOT RENAME: running workflows and saved queries refer to these names.
export const searchAttributeTypes = {
  DondocPlan: 'Keyword',
  DondocTask: 'Keyword',
  DondocAgency: 'Keyword',
  DondocStatus: 'Keyword',
  DondocDueDate: 'Datetime',
  DondocDaysOverdue: 'Int',
} as const;

export type SearchAttributeName = keyof typeof searchAttributeTypes;
