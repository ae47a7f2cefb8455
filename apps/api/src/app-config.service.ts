import type { AppConfig } from '@dondoc/config';

/** The validated configuration as an injectable, so providers never read process.env. */
export class AppConfigService {
  constructor(readonly values: AppConfig) {}
}
