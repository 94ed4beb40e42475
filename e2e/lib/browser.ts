import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { missingDebianPackage } from './system-packages';

/** Debian's `chromium`: Playwright's own browser downloads are not used (no network but the registries). */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Headless Chromium with a fresh profile in `userDataDir`, offline apart from the pages it is
 * sent to: no sync, component updates, background requests or QUIC, no GPU, no sandbox (the
 * tests may run as root, where Chromium's sandbox refuses to start). `deviceScaleFactor` above 1
 * renders sharper pictures of the same 1600 × 1000 layout (the README's screenshots).
 */
export async function launchChromium(userDataDir: string, { deviceScaleFactor = 1 } = {}): Promise<BrowserContext> {
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
		deviceScaleFactor,
		timeout: 60_000,
	});
}

/** A page of a fresh headless Chromium signed in to n8n with `sessionCookie` (from setUpOwner or logIn). */
export async function signedInPage(
	userDataDir: string,
	baseUrl: string,
	sessionCookie: string,
	options: { deviceScaleFactor?: number } = {},
): Promise<{ browser: BrowserContext; page: Page }> {
	const browser = await launchChromium(userDataDir, options);
	await browser.addCookies(
		sessionCookie.split('; ').map((pair) => {
			const [name, ...value] = pair.split('=');
			return { name: name!, value: value.join('='), url: baseUrl };
		}),
	);
	return { browser, page: await browser.newPage() };
}

/** The texts of n8n's error toasts on the page: Element Plus notifications that carry the --error type icon. */
export async function errorToasts(page: Page): Promise<string[]> {
	return await page.locator('.el-notification:has(.el-notification--error)').allInnerTexts();
}
