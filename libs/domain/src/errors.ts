// Errors any part may raise when a request cannot be honoured. They carry a
// Vietnamese message for the person who asked; only the API maps them to HTTP
// status codes (apps/api's exception filter), so libs stay transport-free.

export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'gone' | 'too-large' | 'unsupported-type';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    /** Extra facts for the caller, e.g. the offending field; never secrets. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** The input is wrong; `details.issues` says which field and why. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid';
  override readonly name = 'InvalidInputError';
}

/** Nobody is signed in, or the credentials are wrong or expired. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
  override readonly name = 'UnauthenticatedError';
}

/** Signed in, but not allowed to do this (e.g. another agency's task). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  override readonly name = 'ForbiddenError';
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  override readonly name = 'NotFoundError';
}

/** The request contradicts the current state (completing a cancelled task). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  override readonly name = 'ConflictError';
}

/** Something that worked once and never will again (a used single-use link). */
export class GoneError extends DomainError {
  readonly kind = 'gone';
  override readonly name = 'GoneError';
}

/** The input is within the transport's limits but larger than this kind of content may be (a report over its size limit). */
export class TooLargeError extends DomainError {
  readonly kind = 'too-large';
  override readonly name = 'TooLargeError';
}

/** A file of a type this place does not take (an evidence file that is neither a document nor an image). */
export class UnsupportedTypeError extends DomainError {
  readonly kind = 'unsupported-type';
  override readonly name = 'UnsupportedTypeError';
}
