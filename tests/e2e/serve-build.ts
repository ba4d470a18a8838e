import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build of the real course. */
    baseURL: string;
    /** The production build of tests/fixtures/hostile-lessons (script-injection attempts). */
    hostileURL: string;
  }
}

const VITE = 'node_modules/vite/bin/vite.js';
const HOSTILE_OUT = 'test-results/dist-hostile';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Serves a build with `vite preview` on 127.0.0.1 (on `port`, else a free one) until its server is killed. */
export async function preview(outDir: string, port?: number) {
  port ??= await freePort();
  const server = spawn(process.execPath, [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return { url, server };
    } catch {
      /* not up yet */
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`vite preview did not start on ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Serves the production build (dist/, made by `vite build`) and a hostile fixture build on 127.0.0.1. */
export default async function serveBuilds(project: TestProject) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium`);
  }
  if (!fs.existsSync(path.resolve('dist/index.html'))) throw new Error('No production build in dist/: run `npx vite build` first.');
  const hostileBuild = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'error'], {
    stdio: 'inherit',
    // A production build like dist/: Vitest's NODE_ENV=test would otherwise give development
    // builds of React and its libraries, whose own console warnings fail `expectClean`.
    env: { ...process.env, NODE_ENV: 'production', BERDAYA_LESSONS: 'tests/fixtures/hostile-lessons', BERDAYA_OUT_DIR: HOSTILE_OUT },
  });
  if (hostileBuild.status !== 0) throw new Error('Building the hostile lesson fixture failed');
  const real = await preview('dist');
  const hostile = await preview(HOSTILE_OUT);
  project.provide('baseURL', real.url);
  project.provide('hostileURL', hostile.url);
  return () => {
    real.server.kill();
    hostile.server.kill();
  };
}
