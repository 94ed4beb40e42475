/** The end of a queue-mode test run: its figures written down, and everything it started stopped. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { QueueCluster } from './n8n-queue-cluster';
import type { QueueServices } from './queue-services';

/** The figures as JSON (with when they were taken), e.g. .e2e-work/queue-mode-result.json. */
export function writeRunFigures(file: string, figures: object): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify({ when: new Date().toISOString(), ...figures }, null, 2));
}

/** Orders the Tjänsteguiden Trigger emitted again ("Emit Again If Unfinished After"), summed over the main process's poll lines. */
export function emittedAgainIn(mainLog: string): number {
	return [...mainLog.matchAll(/"emittedAgain": (\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** The cluster, then the sandbox, then PostgreSQL and Redis; any of them may be missing after a failed set-up. */
export async function stopQueueRun(parts: { cluster?: QueueCluster; sandbox?: { close(): Promise<void> }; services?: QueueServices }): Promise<void> {
	await parts.cluster?.stop().catch(() => undefined);
	await parts.sandbox?.close().catch(() => undefined);
	await parts.services?.stop();
}
