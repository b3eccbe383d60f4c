// Renders media/icon.svg to the 128×128 extension icon media/icon.png with Debian's Chromium.
// Run by hand after changing the SVG: `flock /tmp/whys-vscode.lock node media/render-icon.mjs`.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const svg = readFileSync(fileURLToPath(new URL('icon.svg', import.meta.url)), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${svg}</body>`);
  await page.locator('svg').screenshot({ path: fileURLToPath(new URL('icon.png', import.meta.url)), omitBackground: true });
} finally {
  await browser.close();
}
