import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found by walking up from this file. The lib runs both from its sources
 * (jest through ts-jest) and compiled into .e2e-work/ for the demo, so a fixed `../..` would be
 * wrong in one of the two.
 */
function findRepoRoot(): string {
	let dir = __dirname;
	for (;;) {
		if (existsSync(path.join(dir, 'e2e', 'n8n-host', 'package.json'))) return dir;
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`e2e: cannot find the repository root above ${__dirname}`);
		dir = parent;
	}
}

export const repoRoot = findRepoRoot();

/** Folder with the pinned n8n's package.json and lockfile; its node_modules is the installed host. */
export const n8nHostDir = path.join(repoRoot, 'e2e', 'n8n-host');

/** Throwaway state of test runs (gitignored): user folders, temp dirs, logs, packed tarballs. */
export const e2eWorkDir = path.join(repoRoot, '.e2e-work');

export const e2eWorkflowsDir = path.join(repoRoot, 'e2e', 'workflows');

export const templateWorkflowPath = path.join(repoRoot, 'workflows', 'tjansteguiden-tl-order-flow.json');
/** The life-cycle template (issue 13): intake, completion, hourly checks, its Data Table. */
export const lifecycleWorkflowPath = path.join(repoRoot, 'workflows', 'tjansteguiden-tl-lifecycle.json');
