import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { missingDebianPackage } from './system-packages';

/** Debian's `chromium`: Playwright's own browser downloads are not used (no network but the registries). */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Headless Chromium with a fresh profile in `userDataDir`, offline apart from the pages it is
 * sent to: no sync, component updates, background requests or QUIC, no GPU, no sandbox (the
 * tests may run as root, where Chromium's sandbox refuses to start).
 */
export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
	if (!existsSync(chromiumPath)) throw missingDebianPackage(`chromium (${chromiumPath})`);
	mkdirSync(userDataDir, { recursive: true });
	return await chromium.launchPersistentContext(userDataDir, {
		executablePath: chromiumPath,
		headless: true,
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
		viewport: { width: 1600, height: 1000 },
		timeout: 60_000,
	});
}
