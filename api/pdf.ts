// PDFs printed by headless Chromium from the same HTML the printable pages show, so a
// sheet on screen, on paper and in the PDF is one rendering. Chromium embeds the fonts it
// uses (subsets of Noto Sans CJK for Chinese). One browser per API process, started on the
// first PDF, at most `concurrentPages` pages printing at once; a crashed browser is
// started again on the next request.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, or CHROMIUM_PATH; undefined when there is none. */
export function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((p): p is string => !!p);
  return candidates.find((p) => fs.existsSync(p));
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

export class PdfUnavailableError extends Error {}

export interface PdfOptions {
  /** Shown small at the foot of every page, beside "page n / N". */
  footer: string;
}

const concurrentPages = 2;
/** A county's sheets are a few dozen pages; this bounds a page that never finishes loading. */
const printTimeoutMs = 60_000;

export class PdfPrinter {
  private browser: Promise<Browser> | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly executablePath = chromiumPath()) {}

  get available(): boolean {
    return !!this.executablePath;
  }

  async print(html: string, options: PdfOptions): Promise<Buffer> {
    if (!this.executablePath)
      throw new PdfUnavailableError('no Chromium on this server (install chromium or set CHROMIUM_PATH)');
    await this.slot();
    try {
      const browser = await this.open();
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(printTimeoutMs);
        // The sheet is self-contained: nothing is fetched while printing.
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(options.footer),
        });
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
  }

  private open(): Promise<Browser> {
    if (!this.browser) {
      const launched = launchChromium(this.executablePath!);
      this.browser = launched;
      launched.then(
        (b) => b.on('disconnected', () => this.browser === launched && (this.browser = undefined)),
        () => this.browser === launched && (this.browser = undefined),
      );
    }
    return this.browser;
  }

  private async slot(): Promise<void> {
    if (this.running < concurrentPages) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function footerTemplate(text: string): string {
  return (
    '<div style="width:100%;font-size:8px;color:#666;padding:0 12mm;display:flex;justify-content:space-between;' +
    `font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif"><span>${escape(text)}</span>` +
    '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
  );
}
