// Nonces of signed links already used, so a link cannot be replayed. Rows
// past expires_at can be deleted: the signature check rejects those links anyway.
import type { CreatedAt } from './column-types';

export interface UsedLinksTable {
  nonce: string;
  /** What the link was for, e.g. "report-submit". */
  purpose: string;
  used_at: CreatedAt;
  expires_at: Date;
}
