import { Injectable } from '@nestjs/common';
import { type AppConfig, config } from '@dondoc/config';

/** The validated configuration as an injectable, so providers never read process.env. */
@Injectable()
export class AppConfigService {
  readonly values: AppConfig = config();
}
