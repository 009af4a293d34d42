// Library build of the widgets: widgets/src/index.ts → widgets/dist/kabinet.js, one minified
// ES module for `<script type="module">`. Code splitting stays on so heavy parts (charts)
// can become lazy chunks later; kabinet.js is always the entry. Node-side tests live in tests/vitest.config.ts.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'widgets/dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'widgets/src/index.ts',
      formats: ['es'],
      fileName: 'kabinet',
    },
    rolldownOptions: {
      // `build.minify` alone leaves whitespace in library output.
      output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
