import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// jco-transpile's vendored components locate their .wasm with `new URL(..., import.meta.url)`;
// pre-bundling would move the JS away from the wasm files, so they are served as-is.
export default defineConfig({
  base: './',
  plugins: [react()],
  optimizeDeps: {
    exclude: ['@bytecodealliance/jco-transpile', '@bytecodealliance/preview2-shim'],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
} as never);
