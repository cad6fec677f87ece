import type { BuildOptions, Plugin } from 'esbuild';

export declare const NODE_EXTERNALS: string[];
export declare function sourceRelativeImportMeta(outdir: string, format: 'esm' | 'cjs'): Plugin;
export declare function cliBundleOptions(outdir: string): BuildOptions;
