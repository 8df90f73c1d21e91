// Draws Lanyard's icons as SVG and rasterises them with the Chromium already used by the tests
// (playwright-core, /usr/bin/chromium): one renderer with real anti-aliasing instead of a
// hand-written rasteriser or an extra image dependency. Output (committed):
//   build/icon.png                       1024 px app icon (electron-builder derives .icns / .ico)
//   build/tray/<state>Template[@2x].png   16 / 32 px macOS template images (black + alpha)
//   build/tray/<state>[@2x].png           16 / 32 px coloured icons for Windows and Linux
// Usage: node scripts/make-icons.mjs [chromium path]
import { chromium } from 'playwright-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.argv[2] ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const trayStates = ['signed-out', 'signed-in', 'expiring', 'expired', 'busy'];

const colours = {
  'signed-out': '#8a9099',
  'signed-in': '#2f80ed',
  expiring: '#e8a317',
  expired: '#e5484d',
  busy: '#2f80ed',
};

// The glyph on a 32-unit grid, so at 16 px every 2 units is one device pixel.
const strap = 'M6 1 L16 10 L26 1';
const clip = '<rect x="13" y="8.5" width="6" height="4.5" rx="1"/>';
const card = { x: 6, y: 12, w: 20, h: 18, r: 3 };
const cardRect = (extra = '') =>
  `<rect x="${card.x}" y="${card.y}" width="${card.w}" height="${card.h}" rx="${card.r}" ${extra}/>`;
// Holes punched in a filled card: the clip slot and two "name" lines.
const cardHoles =
  '<rect x="12" y="16" width="8" height="2" rx="1"/><rect x="10" y="22" width="12" height="2"/><rect x="10" y="26" width="7" height="2"/>';

function overlay(state) {
  // A disc in the corner, knocked out of the card by a ring so it reads at 16 px.
  const marks = {
    expiring:
      '<path d="M25 20.5 V25 H28.5" stroke="black" stroke-width="2" fill="none" stroke-linecap="round"/>',
    expired:
      '<path d="M22 22 L28 28 M28 22 L22 28" stroke="black" stroke-width="2" fill="none" stroke-linecap="round"/>',
    busy: '<circle cx="21.5" cy="25" r="1.3"/><circle cx="25" cy="25" r="1.3"/><circle cx="28.5" cy="25" r="1.3"/>',
  };
  return marks[state];
}

function glyph(state, colour) {
  const filled = state !== 'signed-out' && state !== 'expired';
  const mark = overlay(state);
  const defs = `<defs>
    <mask id="m" maskUnits="userSpaceOnUse" x="0" y="0" width="32" height="32">
      <rect width="32" height="32" fill="white"/>
      ${filled ? `<g fill="black">${cardHoles}</g>` : ''}
      ${mark ? '<circle cx="25" cy="25" r="8.5" fill="black"/>' : ''}
    </mask>
    <mask id="d" maskUnits="userSpaceOnUse" x="0" y="0" width="32" height="32">
      <rect width="32" height="32" fill="white"/>
      <g fill="black">${mark ?? ''}</g>
    </mask></defs>`;
  const base = `<g mask="url(#m)">
    <path d="${strap}" stroke="${colour}" stroke-width="2.5" fill="none" stroke-linejoin="round"/>
    <g fill="${colour}">${clip}</g>
    ${
      filled
        ? cardRect(`fill="${colour}"`)
        : `<rect x="${card.x + 1.25}" y="${card.y + 1.25}" width="${card.w - 2.5}" height="${card.h - 2.5}" rx="${card.r - 1}" fill="none" stroke="${colour}" stroke-width="2.5"/>`
    }
  </g>`;
  const disc = mark ? `<circle cx="25" cy="25" r="6.5" fill="${colour}" mask="url(#d)"/>` : '';
  return `${defs}${base}${disc}`;
}

function traySvg(state, size, template) {
  const colour = template ? '#000000' : colours[state];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${glyph(state, colour)}</svg>`;
}

function appIconSvg() {
  // macOS grid: an 824 px rounded square centred in 1024, leaving room for the system shadow.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2f6fdf"/><stop offset="1" stop-color="#16356f"/>
    </linearGradient>
    <mask id="holes" maskUnits="userSpaceOnUse" x="0" y="0" width="32" height="32">
      <rect width="32" height="32" fill="white"/><g fill="black">${cardHoles}</g>
    </mask>
  </defs>
  <rect x="100" y="100" width="824" height="824" rx="185" fill="url(#bg)"/>
  <g transform="translate(192 176) scale(20)">
    <path d="${strap}" stroke="#f5a524" stroke-width="2.2" fill="none" stroke-linejoin="round" stroke-linecap="round"/>
    <rect x="13" y="8.5" width="6" height="4.5" rx="1" fill="#d9dde4"/>
    <g mask="url(#holes)">${cardRect('fill="#ffffff"')}</g>
  </g>
</svg>`;
}

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
  );
  return page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
}

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await mkdir(join(root, 'build', 'tray'), { recursive: true });
  await writeFile(join(root, 'build', 'icon.png'), await render(page, appIconSvg(), 1024));
  for (const state of trayStates) {
    for (const [size, suffix] of [
      [16, ''],
      [32, '@2x'],
    ]) {
      await writeFile(
        join(root, 'build', 'tray', `${state}Template${suffix}.png`),
        await render(page, traySvg(state, size, true), size),
      );
      await writeFile(
        join(root, 'build', 'tray', `${state}${suffix}.png`),
        await render(page, traySvg(state, size, false), size),
      );
    }
  }
  console.log(`icons written to ${join(root, 'build')}`);
} finally {
  await browser.close();
}
