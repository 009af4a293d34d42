// Library build of the widgets, two script-tag entries as minified ES modules for
// `<script type="module">`: widgets/src/index.ts → widgets/dist/kabinet.js (partner portal; the name
// is public, it must stay kabinet.js) and widgets/src/operator.ts → widgets/dist/kabinet-operator.js
// (operator console). Code splitting stays on: lazy sections and the code both entries share
// (lit…) become chunks/, so a partner page never loads the operator console.
// Entries keep their names (operators' script tags name them); chunks carry a content hash, so
// the server may cache them forever (demo/site/_headers). After writing, every text file over 1 kB
// gets .br and .gz siblings for Node and Deno to send (edge/precompress.ts).
// Node-side tests live in tests/vitest.config.ts.
import { defineConfig } from 'vite';
import { precompress } from './edge/precompress.ts';

export default defineConfig({
  plugins: [precompress()],
  build: {
    outDir: 'widgets/dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: { kabinet: 'widgets/src/index.ts', 'kabinet-operator': 'widgets/src/operator.ts' },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      // `build.minify` alone leaves whitespace in library output.
      output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
