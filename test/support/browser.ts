// Headless Chromium (Debian's, or CHROMIUM_PATH) driven by playwright-core: the same
// browser the API prints its PDFs with.
import type { Browser } from 'playwright-core';
import { chromiumPath as foundChromium, launchChromium } from '../../api/pdf';

export function chromiumPath(): string {
  const found = foundChromium();
  if (!found)
    throw new Error(
      "No Chromium found: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH",
    );
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium(chromiumPath());
}

export const screenshotDir = 'test-output/screenshots';
