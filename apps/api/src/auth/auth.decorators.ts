import type { StaffRole } from '@dondoc/auth';
import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'dondoc:public';
export const ROLES_KEY = 'dondoc:roles';

/** No session needed: health, docs, login, metrics and signed-link endpoints. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the endpoint (any signed-in role when absent). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);
