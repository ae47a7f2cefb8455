export { allSearchAttributeKeys, searchAttributeCliArgs, searchAttributes } from './search-attributes';
export { TASK_QUEUE_DEFAULT } from './task-queues';
