import { describe, expect, it } from 'vitest';
import { nestingDepth } from '../../main/core/exportFormat.js';

describe('nestingDepth: how deep a JSON text nests, counted before parsing it', () => {
  it('counts arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(nestingDepth('{}')).toBe(1);
    expect(nestingDepth('{"a":[{"b":[1,2]}]}')).toBe(4);
    expect(nestingDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(nestingDepth('{"a":"\\"[[[[\\""}')).toBe(1);
    expect(nestingDepth('[1, [2], [3, [4]]]')).toBe(3);
    expect(nestingDepth('"just a string"')).toBe(0);
  });

  it('stops counting just past the limit, so a bracket bomb costs one pass and no memory', () => {
    expect(nestingDepth('['.repeat(1_000_000), 32)).toBe(33);
  });
});
