import type { StaffRole } from '@dondoc/auth';
import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'dondoc:public';
export const ROLES_KEY = 'dondoc:roles';
export const SIGNED_LINK_KEY = 'dondoc:signed-link';

/** No session needed: health, docs, login, metrics and signed-link endpoints. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * A staff session, or instead a signed link in `?token=`: with a token the guard
 * lets the request through and the handler must verify the link itself.
 */
export const SessionOrSignedLink = () => SetMetadata(SIGNED_LINK_KEY, true);

/** Only these roles may call the endpoint (any signed-in role when absent). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);
