/**
 * `npx tsx scripts/make-icons.ts`: renders the app icons of the web app manifest (public/icon-*.png)
 * from the icon's SVG (scripts/icon.svg) with Chromium, so they need no image tool. Run it again
 * after changing the icon; the PNGs are committed (the build only copies them).
 * - icon-192/512: the icon as it is (rounded corners on a transparent background). icon-192 is the
 *   pages' favicon too: a browser draws an SVG favicon as a whole SVG document on the page's main
 *   thread, 15–30 ms on this machine, just as the app starts;
 * - icon-maskable-512: a full-bleed square whose letter stays inside the central 80 % circle that a
 *   phone's launcher may crop to (https://web.dev/articles/maskable-icon).
 * Then optipng (Debian package `optipng`), when installed, stores them as palette PNGs: the same
 * pixels in well under half the bytes (every file is precached for offline use).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const icon = fs.readFileSync('scripts/icon.svg', 'utf8');
const glyph = icon.match(/<path[^>]*\/>/)![0];
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0b5d4b"/><g transform="translate(16 16) scale(0.7) translate(-15 -16)">${glyph}</g></svg>`;

const icons: [file: string, svg: string, size: number][] = [
  ['public/icon-192.png', icon, 192],
  ['public/icon-512.png', icon, 512],
  ['public/icon-maskable-512.png', maskable, 512],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [file, svg, size] of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // Crisp edges: a handful of colours, so the PNGs stay small (the service worker precaches them).
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px;shape-rendering:crispEdges}</style>${svg}`);
    await page.screenshot({ path: file, omitBackground: true });
    await page.close();
    console.log(`${file} ${size}×${size}`);
  }
} finally {
  await browser.close();
}

const optimised = spawnSync('optipng', ['-o7', '-quiet', ...icons.map(([file]) => file)], { stdio: 'inherit' });
if (optimised.error) console.log('optipng not found: the icons are correct but larger (apt-get install -y optipng, then run this again)');
