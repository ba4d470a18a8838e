import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { berdayaContent } from './scripts/content/vite-plugin.ts';

export default defineConfig({
  // Relative asset paths let the same build run from any folder (a static host, an LMS package).
  base: './',
  plugins: [react(), berdayaContent()],
  build: { target: 'es2020', reportCompressedSize: false },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
  },
});
