/**
 * True when two types describe the same values. Where a plain type and a zod schema are written
 * side by side (the window and the tracker load no zod), a `const x: Same<…> = true` makes the
 * compiler hold them together.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
