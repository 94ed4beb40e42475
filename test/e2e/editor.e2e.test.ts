/**
 * The templates in n8n's editor, in a real browser (Debian's headless Chromium): each workflow
 * opens on the canvas with every node, each node shows its icon (the package's own SVGs among
 * them, served by n8n from the installed package), and no error toast appears.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../sandbox/src';
import { errorToasts, signedInPage } from '../../e2e/lib/browser';
import { importCredentials, importWorkflowFile } from '../../e2e/lib/n8n-cli';
import { createN8nInstance, type N8nInstance } from '../../e2e/lib/n8n-instance';
import { setUpOwner } from '../../e2e/lib/n8n-owner';
import { startN8nServer, type N8nServer } from '../../e2e/lib/n8n-server';
import { lifecycleWorkflowPath, templateWorkflowPath } from '../../e2e/lib/paths';
import { installPreparedPackage } from '../../e2e/lib/prepared-package';
import { credentialReferences, readWorkflowFile, sandboxCredentials, type WorkflowJson } from '../../e2e/lib/sandbox-credentials';

const templates = [
	{ label: 'the order-flow template', file: templateWorkflowPath, instanceName: 'editor' },
	{ label: 'the life-cycle template', file: lifecycleWorkflowPath, instanceName: 'editor-lifecycle' },
];

describe.each(templates)('$label in the n8n editor, in headless Chromium', ({ file, instanceName }) => {
	let sandbox: RunningSandbox;
	let instance: N8nInstance;
	let server: N8nServer | undefined;
	let browser: BrowserContext | undefined;
	let page: Page;
	let workflow: WorkflowJson;
	const pageErrors: string[] = [];

	beforeAll(async () => {
		sandbox = await startSandbox();
		const workflows = readWorkflowFile(file);
		workflow = workflows[0]!;
		instance = await createN8nInstance({ name: instanceName });
		await installPreparedPackage(instance);
		await importCredentials(instance, sandboxCredentials(credentialReferences(workflows), sandbox.url));
		await importWorkflowFile(instance, file);
		server = await startN8nServer(instance, { maxLifetimeSeconds: 900 });
		const cookie = await setUpOwner(server.baseUrl, { email: 'e2e@example.com', password: 'E2eOwnerPassw0rd', firstName: 'End', lastName: 'ToEnd' });

		({ browser, page } = await signedInPage(path.join(instance.workDir, 'chromium-profile'), server.baseUrl, cookie));
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(`${server.baseUrl}/workflow/${workflow.id}`, { waitUntil: 'load', timeout: 120_000 });
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 120_000 });
		// Icons and toasts come after the first node; give the editor a moment to settle.
		await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
		// For a look when a check fails: what the browser showed.
		await page.screenshot({ path: path.join(instance.logsDir, 'editor.png') });
		writeFileSync(path.join(instance.logsDir, 'editor.html'), await page.content());
	}, 600_000);

	afterAll(async () => {
		await browser?.close().catch(() => undefined);
		await server?.stop();
		await sandbox?.close();
	}, 120_000);

	const isSticky = (node: { type: string }) => node.type === 'n8n-nodes-base.stickyNote';

	it('draws every node and sticky note of the template', async () => {
		const names = await page.locator('[data-test-id="canvas-node"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name')));
		expect(names.sort()).toEqual(workflow.nodes.filter((node) => !isSticky(node)).map((node) => node.name).sort());
		expect(await page.locator('[data-test-id="sticky"]').count()).toBe(workflow.nodes.filter(isSticky).length);
	});

	it("shows every node's icon", async () => {
		const icons = await page.locator('[data-test-id="canvas-node"]').evaluateAll((nodes) =>
			nodes.map((node) => {
				const icon = node.querySelector('.n8n-node-icon');
				const images = [...(icon?.querySelectorAll('img') ?? [])];
				// File icons are <img>s that must have loaded; n8n's built-in icons are inline SVG.
				const shown = images.length > 0 ? images.every((image) => image.complete && image.naturalWidth > 0) : icon?.querySelector('svg') != null;
				return { node: node.getAttribute('data-node-name'), shown, sources: images.map((image) => image.getAttribute('src') ?? '') };
			}),
		);
		expect(icons.length).toBeGreaterThan(0);
		expect(icons.filter((icon) => !icon.shown)).toEqual([]);
		// The package's nodes show the package's SVGs, served by n8n from the installed package.
		const ownNodes = new Set(workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-tjansteguiden.')).map((node) => node.name));
		for (const icon of icons.filter((entry) => ownNodes.has(entry.node ?? ''))) {
			expect(icon.sources).toEqual([expect.stringMatching(/^\/icons\/n8n-nodes-tjansteguiden\/dist\/nodes\/.+\.svg$/)]);
		}
	});

	it('shows no error toast, and the page throws nothing', async () => {
		const toasts = await errorToasts(page);
		expect({ toasts, pageErrors }).toEqual({ toasts: [], pageErrors: [] });
	});
});
