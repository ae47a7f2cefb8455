// DO NOT RENAME: workers poll these queues and running workflows are bound to them.
export const TASK_QUEUE_DEFAULT = 'dondoc-tasks';
