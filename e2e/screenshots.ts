import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));

// A blank or broken render of these pages compresses to a few hundred bytes.
const MIN_PNG_BYTES = 5_000;

export interface ScreenExpectations {
  /** Texts that must be visible on the screen (each matched as a substring). */
  texts: readonly string[];
  dir: 'ltr' | 'rtl';
}

/** Widest the document is beyond the viewport, in CSS pixels (0 when nothing overflows). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/**
 * A "screenshot test": asserts what the screen must show (texts, direction, no sideways
 * scrolling), then saves a full-page PNG to e2e/output/<name>.png for a human to look at.
 */
export async function checkScreen(page: Page, name: string, expected: ScreenExpectations): Promise<string> {
  for (const text of expected.texts) {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 10_000 });
  }
  expect(await page.getAttribute('html', 'dir')).toBe(expected.dir);
  // One pixel of slack for sub-pixel rounding at fractional widths.
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).toBeLessThanOrEqual(1);

  // Webfonts and layout must settle, or the PNG shows fallback glyphs mid-swap.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await fs.mkdir(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  const { size } = await fs.stat(file);
  expect(size, `${name}.png is suspiciously small`).toBeGreaterThan(MIN_PNG_BYTES);
  return file;
}
