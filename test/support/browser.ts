import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Page } from 'playwright-core';
import { ROOT } from './processes';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, quiet on a closed network (playwright gives each launch a fresh profile of its own). */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** axe-core over the page with the WCAG 2.0/2.1 A and AA rules; answers the violations (expected: none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** True when the page needs no horizontal scrolling at the viewport's width (WCAG 1.4.10 at 320 CSS px). */
export async function reflows(page: Page): Promise<boolean> {
  // Runs in the page; the test project has no DOM types, so the page's globals are reached untyped.
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
}

/** docs/portal.md shows each role's main screen as the suite saw it: a full page at 1024 px. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = join(ROOT, 'docs', 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
}
