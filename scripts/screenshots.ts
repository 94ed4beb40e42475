/**
 * `npm run screenshots`: retakes the README's pictures in headless Chromium (Debian's, as the
 * editor test uses it) against a running `npm run demo`, after the demo has run a few minutes:
 * the life-cycle template on the canvas, its executions (runs that need a person show as failed)
 * and the Data Table "TL order tracking". DEMO_PASSWORD is the password the demo printed;
 * DEMO_N8N_PORT as for the demo. A page that shows the login, an error toast or a JavaScript error
 * is refused, so no such picture is written.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { errorToasts, signedInPage } from '../e2e/lib/browser';
import { createApiKey, logIn } from '../e2e/lib/n8n-owner';
import { e2eWorkDir, lifecycleWorkflowPath, repoRoot } from '../e2e/lib/paths';
import { readWorkflowFile } from '../e2e/lib/sandbox-credentials';
import { dataTableEditorUrl, findDataTable, trackingTablesOf, trackingTableScopes } from '../e2e/lib/tracking-table';

const baseUrl = `http://127.0.0.1:${process.env.DEMO_N8N_PORT || '5678'}`;
const email = 'demo@example.com';
const imagesDir = path.join(repoRoot, 'docs', 'images');

interface Shot {
	file: string;
	url: string;
	/** CSS pixels; the picture has 1.25 times as many. Default 1600 × 1000. */
	viewport?: { width: number; height: number };
	/** Brings the page into the state the picture shows; resolves once it is drawn. */
	prepare(page: Page): Promise<void>;
}

async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
	// Canvas fit and row animations end after the last request.
	await page.waitForTimeout(1500);
}

/** The "Production Checklist" popover n8n opens over the executions list of a new instance. */
async function dismissChecklist(page: Page): Promise<void> {
	const close = page.locator('[data-test-id="suggested-actions-close"]');
	if (await close.isVisible()) await close.click();
}

/**
 * Every column of the Data Table view as wide as its content (a double click on the header's
 * resize handle, as a person would), the `narrow` ones dragged to 100 px: the ID and date columns
 * are long, and the state, needsFollowUp and lastProblem columns should fit beside the order.
 * The grid draws only the columns in view, so it goes on until no new header appears.
 */
async function headerOrder(page: Page): Promise<string[]> {
	return (await page.locator('.ag-header-cell').allInnerTexts()).map((text) => text.trim());
}

/** Whether the columns drawn both times are in the same order (the grid draws only those in view). */
function sameOrder(before: string[], after: string[]): boolean {
	const common = (list: string[], other: string[]) => list.filter((name) => other.includes(name)).join('|');
	return common(before, after) === common(after, before);
}

async function fitColumns(page: Page, narrow: string[]): Promise<void> {
	const done = new Set<string>();
	for (let step = 0; step < 40; step++) {
		const names = (await page.locator('.ag-header-cell').allInnerTexts()).map((text) => text.trim());
		const name = names.find((candidate) => candidate !== '' && !done.has(candidate));
		if (name === undefined) break;
		done.add(name);
		// One at a time, found by name: the grid draws its headers anew after each resize.
		const header = page.locator('.ag-header-cell').filter({ has: page.getByText(name, { exact: true }) });
		const handle = header.locator('.ag-header-cell-resize:not(.ag-hidden)');
		if ((await handle.count()) === 0) continue;
		if (narrow.includes(name)) {
			const cell = (await header.boundingBox())!;
			const grip = (await handle.boundingBox())!;
			// The grip's left edge: its right half lies over the next header, and a drag there
			// moves that column, which n8n saves as the table's column order.
			const before = await headerOrder(page);
			await page.mouse.move(grip.x + 1, grip.y + grip.height / 2);
			await page.mouse.down();
			await page.mouse.move(cell.x + 100, grip.y + grip.height / 2, { steps: 5 });
			await page.mouse.up();
			if (!sameOrder(before, await headerOrder(page))) throw new Error(`narrowing "${name}" moved a column instead; check the column order of the table`);
		} else {
			await handle.dblclick();
		}
		await page.waitForTimeout(200);
	}
	// Resizing scrolled the grid to the right; the picture starts at the order's ID.
	for (const viewport of await page.locator('.ag-body-horizontal-scroll-viewport, .ag-center-cols-viewport, .ag-header-viewport').all()) {
		await viewport.evaluate((element) => element.scrollTo({ left: 0 }));
	}
}

async function take(page: Page, shot: Shot, pageErrors: string[]): Promise<void> {
	await page.setViewportSize(shot.viewport ?? { width: 1600, height: 1000 });
	await page.goto(shot.url, { waitUntil: 'load', timeout: 120_000 });
	await shot.prepare(page);
	await settle(page);
	if (/\/signin/.test(page.url())) throw new Error(`${shot.file}: n8n showed its login page (is DEMO_PASSWORD right?)`);
	const toasts = await errorToasts(page);
	if (toasts.length > 0 || pageErrors.length > 0) throw new Error(`${shot.file}: ${JSON.stringify({ toasts, pageErrors })}`);
	await page.screenshot({ path: path.join(imagesDir, shot.file) });
	process.stdout.write(`wrote ${path.relative(repoRoot, path.join(imagesDir, shot.file))}\n`);
}

async function main(): Promise<void> {
	const password = process.env.DEMO_PASSWORD;
	if (!password) throw new Error('set DEMO_PASSWORD to the password `npm run demo` printed');
	const cookie = await logIn(baseUrl, email, password);
	const apiKey = await createApiKey(baseUrl, cookie, trackingTableScopes, `screenshots ${new Date().toISOString()}`);
	const [lifecycle] = readWorkflowFile(lifecycleWorkflowPath);
	const [tableSpec] = trackingTablesOf(lifecycleWorkflowPath);
	const table = await findDataTable(baseUrl, apiKey, tableSpec!.name);
	if (!table) throw new Error(`no Data Table "${tableSpec!.name}" on ${baseUrl}: is the demo running?`);

	const shots: Shot[] = [
		{
			file: 'template-workflow.png',
			url: `${baseUrl}/workflow/${lifecycle!.id}`,
			prepare: async (page) => {
				await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 120_000 });
				await settle(page);
				await dismissChecklist(page);
			},
		},
		{
			file: 'executions.png',
			url: `${baseUrl}/workflow/${lifecycle!.id}/executions`,
			prepare: async (page) => {
				// The newest failed run beside the list, its log open on the failed node: "Needs a person".
				await page.locator('.execution-card[class*="_error_"]').first().waitFor({ timeout: 120_000 });
				await dismissChecklist(page);
				await page.locator('.execution-card[class*="_error_"]').first().click();
				await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 120_000 });
				await settle(page);
				// n8n repeats the run's error as a toast; the log below says the same, so the toast goes.
				for (const close of await page.locator('.el-notification .el-notification__closeBtn').all()) await close.click();
				if (!(await page.locator('[data-test-id="logs-overview-body"]').isVisible())) await page.locator('[data-test-id="logs-overview-header"]').click();
				const failedNode = page.locator('[data-test-id="logs-overview-body"] [role="treeitem"][class*="_error_"]').first();
				await failedNode.click();
				const details = page.locator('[data-test-id="logs-overview"] [data-test-id="radio-button-details"]');
				await details.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
				if ((await details.isVisible()) && (await details.getAttribute('aria-checked')) !== 'true') await details.click();
				await failedNode.click();
				// The failed node's error, as the run's log shows it.
				await page.locator('[data-test-id="logs-panel"] :text("Needs a person: order")').first().waitFor({ timeout: 30_000 });
				await page.locator('[data-test-id="zoom-to-fit"]').click();
			},
		},
		{
			file: 'tracking-table.png',
			url: dataTableEditorUrl(baseUrl, table),
			viewport: { width: 2500, height: 1000 },
			prepare: async (page) => {
				await page.locator('.ag-row').first().waitFor({ timeout: 120_000 });
				await settle(page);
				await fitColumns(page, ['tgOrderDate', 'subscriptionId', 'onApiOrderId', 'releaseAt', 'forcedTakeover', 'doneAt', 'createdAt', 'updatedAt']);
			},
		},
	];

	// A fresh profile: n8n keeps panel states in the browser, and the pictures show a first visit.
	const profile = path.join(e2eWorkDir, 'screenshots-profile');
	rmSync(profile, { recursive: true, force: true });
	const { browser, page } = await signedInPage(profile, baseUrl, cookie, { deviceScaleFactor: 1.25 });
	const pageErrors: string[] = [];
	page.on('pageerror', (error) => pageErrors.push(error.message));
	try {
		for (const shot of shots) await take(page, shot, pageErrors);
	} finally {
		await browser.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`Screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
