// Staff authentication: password hashing and the principal every request acts as.
export { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, passwordNeedsRehash, SCRYPT_PARAMS, verifyPassword } from './password';
export { canAct, canSeeAgency, type Principal, principalOf, type SessionClaims, STAFF_ROLES, type StaffRole } from './principal';
