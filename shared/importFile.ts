/**
 * What the window and main agree on about an import file, without zod (the window loads this):
 * its size limit and the kinds of problem a file can have, which the window words in the
 * user's language.
 */

/** The largest export file Sitwell imports (the CLI and the window alike); ten years of history is far less. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** The export versions this Sitwell reads: 2 added the standing periods (DESIGN.md §7); 1 has none. */
export const READS_EXPORT_VERSIONS = [1, 2] as const;

/**
 * Why a file cannot be imported: too large; not JSON; JSON but not a Sitwell export; an export
 * version this Sitwell cannot read; a record that is wrong (the message names it, e.g.
 * `bouts[3].end`); or a bout that overlaps one already in the history.
 */
export const IMPORT_PROBLEMS = ['too-large', 'not-json', 'not-sitwell', 'version', 'record', 'clash'] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];
