import type { AppConfig } from '@dondoc/config';
import { type LinkKeyRing, linkKeyRingFrom } from '@dondoc/links';

/** The validated configuration as an injectable, so providers never read process.env. */
export class AppConfigService {
  constructor(readonly values: AppConfig) {}

  /** The keys that sign and verify links (LINK_SIGNING_KEYS, else LINK_SIGNING_SECRET as the key k0). */
  linkKeys(): LinkKeyRing {
    const ring = linkKeyRingFrom(this.values);
    if (!ring) throw new Error('LINK_SIGNING_SECRET (or LINK_SIGNING_KEYS) is not set');
    return ring;
  }
}
