export type StoreErrorCode = 'not-sqlite' | 'newer-schema' | 'outdated-schema' | 'invalid' | 'locked' | 'not-found' | 'io';

/** The value at fault in a refused write, as data: callers place the problem next to the field, never parse `message`. */
export interface StoreErrorDetail {
  /** "sitLimitMinutes", "bout.end". */
  field: string;
  /** What is wrong with it, without its name: "must be at least 1". */
  problem: string;
}

/** A problem the user can act on (wrong file, newer app needed, bad value); callers show `message` as is. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly detail?: StoreErrorDetail,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A refused value: the message reads "path: problem", the detail names the field. */
export const invalidValue = (path: string, problem: string, field: string = path): StoreError =>
  new StoreError('invalid', `${path}: ${problem}`, { field, problem });
