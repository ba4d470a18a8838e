import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { berdayaContent } from './scripts/content/vite-plugin.ts';
import { contentSecurityPolicy } from './scripts/csp-plugin.ts';

export default defineConfig({
  // Relative asset paths let the same build run from any folder (a static host, an LMS package).
  base: './',
  // BERDAYA_LESSONS builds another lessons folder (the browser tests build a hostile fixture).
  plugins: [react(), berdayaContent(process.env.BERDAYA_LESSONS), contentSecurityPolicy()],
  build: { target: 'es2020', reportCompressedSize: false, outDir: process.env.BERDAYA_OUT_DIR ?? 'dist' },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
  },
});
