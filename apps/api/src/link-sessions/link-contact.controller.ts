import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Public } from '../auth/auth.decorators';
import { ApiOkOf } from '../common/api-docs';
import { contactSchema } from './link-session.schemas';
import { OversightContactService } from './oversight-contact.service';

/** Whom to contact, for an officer's page whose session has ended (no session needed). */
@ApiTags('link-session')
@Public()
@Controller('link-session/contact')
export class LinkContactController {
  constructor(private readonly contacts: OversightContactService) {}

  @Get()
  @ApiOperation({ summary: 'Đầu mối liên hệ của Sở KH&CN (cho cán bộ mở đường dẫn)' })
  @ApiOkOf(contactSchema.nullable())
  contact() {
    return this.contacts.contact();
  }
}
