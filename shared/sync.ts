/**
 * The sync folder as the window and the `sitwell sync` command see it (issue 15): what can be wrong
 * with a folder someone picks, and the longest device name. Words for each are in the catalogs
 * (`sync.folderProblem.*`) and in the command's English.
 */

/** Why a folder cannot be the sync folder: a relative path (the tracker runs elsewhere), missing, a file, or read-only here. */
export const FOLDER_PROBLEMS = ['not-absolute', 'missing', 'not-directory', 'not-writable'] as const;
export type FolderProblem = (typeof FOLDER_PROBLEMS)[number];

export const DEVICE_NAME_MAX = 100;

/** What a skipped file or line in the folder was, for the window's list (the log and `sitwell doctor` say it in full). */
export const SYNC_PROBLEM_REASONS = ['cut', 'newer', 'huge', 'invalid', 'foreign', 'conflict', 'clock', 'more'] as const;
