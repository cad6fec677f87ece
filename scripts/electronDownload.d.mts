export const DEFAULT_DOWNLOAD_SECONDS: number;
export function downloadSeconds(env?: NodeJS.ProcessEnv): number;
export function reasonFrom(errorText: string): string | null;
export function downloadElectron(root: string, env?: NodeJS.ProcessEnv): Promise<{ ok: true } | { ok: false; why: string }>;
