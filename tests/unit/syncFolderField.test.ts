import { describe, expect, it } from 'vitest';
import { typedFolderProblem } from '../../renderer/settings/syncFolder.js';

describe('the sync folder as typed in Settings (issue 15)', () => {
  it('asks for a folder, then for a full path; the rest (exists, writable) is main’s to check', () => {
    expect(typedFolderProblem('   ')).toBe('empty');
    expect(typedFolderProblem('Sync')).toBe('not-absolute');
    expect(typedFolderProblem('~/Sync')).toBe('not-absolute');
    expect(typedFolderProblem(' /home/me/Sync ')).toBeNull();
    expect(typedFolderProblem('C:\\Users\\me\\Sync')).toBeNull();
    expect(typedFolderProblem('\\\\server\\share\\Sync')).toBeNull();
  });
});
