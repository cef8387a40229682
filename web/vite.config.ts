import { defineConfig } from 'vite';

// The build output is copied by Maven into the jar under /opencentral-web/ (see pom.xml).
export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    // `npm run dev` against a running node: OPENCENTRAL_URL=http://127.0.0.1:8080 npx vite
    proxy: { '/api': process.env.OPENCENTRAL_URL ?? 'http://127.0.0.1:8080' },
  },
});
