export { searchAttributeTypes, type SearchAttributeName } from './search-attributes';
export { TASK_QUEUE_DEFAULT } from './task-queues';
