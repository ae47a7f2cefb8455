// One row per ZNS message Zalo reported as received (webhook user_received_message).
import type { CreatedAt } from './column-types';

export interface ZnsReceiptsTable {
  msg_id: string;
  delivered_at: Date;
  received_at: CreatedAt;
}
