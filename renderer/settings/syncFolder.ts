import { ABSOLUTE_PATH } from '../../shared/settingsRules.js';
import type { FolderProblem } from '../../shared/sync.js';

/** What the window can tell about a typed folder before asking main (which also checks that it exists and is writable). */
export function typedFolderProblem(text: string): 'empty' | Extract<FolderProblem, 'not-absolute'> | null {
  const t = text.trim();
  if (t === '') return 'empty';
  return ABSOLUTE_PATH.test(t) ? null : 'not-absolute';
}
