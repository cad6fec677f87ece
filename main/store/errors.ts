export type StoreErrorCode = 'not-sqlite' | 'newer-schema' | 'outdated-schema' | 'invalid' | 'locked' | 'not-found' | 'io';

/** A problem the user can act on (wrong file, newer app needed, bad value); callers show `message` as is. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
