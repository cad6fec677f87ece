export const ROOT: string;
export function electronBinary(root?: string, env?: NodeJS.ProcessEnv): { ok: true; path: string } | { ok: false; why: string };
export function displayAvailable(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): { ok: true } | { ok: false; why: string };
export function electronAbi(root?: string): string | null;
export function electronUnavailable(root?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
