import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Asks V8 to compile the whole entry chunk on a background thread while it downloads
 * (https://v8.dev/blog/explicit-compile-hints): nearly all of it (React, the views) runs before the
 * first frame, and compiling each function on first call would block the page instead. A comment,
 * so engines that do not know it lose nothing.
 */
function compileEagerly(): Plugin {
  return {
    name: 'sitwell-compile-eagerly',
    apply: 'build',
    // After minification, which would drop the comment.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

/**
 * Loads the early entry (renderer/early.ts) ahead of the main bundle, as its own small async
 * module script, so the view's data is requested before the big chunk has even arrived.
 */
function earlyEntry(): Plugin {
  return {
    name: 'sitwell-early-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const early = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
        if (!early || !html.includes('<title>')) throw new Error('the early entry was not built, or index.html has no <title>');
        // After the CSP meta, which governs only what follows it.
        return html.replace('<title>', `<script type="module" crossorigin async src="./${early.fileName}"></script>\n    <title>`);
      },
    },
  };
}

/**
 * The renderer is served from file:// by Electron and from the loopback server by `sitwell ui`,
 * so asset URLs are relative. No inline scripts or styles: the page's CSP forbids them.
 */
const config = {
  root,
  base: './',
  plugins: [react(), compileEagerly(), earlyEntry()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // A data: URI for a small asset would be blocked for scripts and is pointless for one file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: { index: fileURLToPath(new URL('index.html', import.meta.url)), early: fileURLToPath(new URL('early.ts', import.meta.url)) },
    },
  },
  server: { host: '127.0.0.1' },
} satisfies UserConfig;

export default defineConfig(({ command, mode }) => {
  // A build started from a test runner inherits NODE_ENV=test, and Vite then bundles React's
  // development build (614 KB instead of 358): the tests would load a window that never ships.
  // Vite reads NODE_ENV after loading this file and documents setting it here.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return config;
});
