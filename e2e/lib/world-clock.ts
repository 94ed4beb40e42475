/**
 * Moves the whole simulated world's time: the sandbox clock and n8n's faked clock together, and
 * only while n8n is idle. A jump fires every due trigger and timer once, so a week is a few dozen
 * jumps. Jumping during a poll would also fire n8n's poll timeout and cut that poll off.
 */
import type { RunningSandbox } from '../../sandbox/src';
import type { FakeClock } from './faketime';
import { waitFor } from './wait-for';

const MINUTE_MS = 60_000;

export interface WorldClock {
	/** No execution running and no request to the sandbox for 3 s. */
	waitIdle(what: string): Promise<void>;
	/** Moves both clocks by `ms` while nothing runs, then lets what the jump made due run. */
	jump(ms: number, what: string): Promise<void>;
	/** Jumps by `stepMs` until `done` holds; throws after `maxSteps` jumps, with `describe()` in the error. */
	jumpUntil(what: string, stepMs: number, maxSteps: number, done: () => Promise<boolean>, describe?: () => Promise<string>): Promise<void>;
	/** Moves both clocks with n8n stopped (no idle wait: nothing runs). */
	moveWhileStopped(ms: number): void;
	offsetMs(): number;
}

export function createWorldClock(options: {
	sandbox: RunningSandbox;
	fake: FakeClock;
	/** True while n8n has an execution running or queued. */
	executionsRunning: () => Promise<boolean>;
	idleTimeoutMs?: number;
}): WorldClock {
	const { sandbox, fake } = options;

	async function waitIdle(what: string): Promise<void> {
		let lastReceived = -1;
		let quietSince = Date.now();
		await waitFor(
			`n8n idle (${what})`,
			async () => {
				// A poll in flight is not an execution yet: the sandbox's request log tells.
				const { received } = await sandbox.admin.requests({ limit: 1 });
				const log = await sandbox.admin.requests({ since: String(Math.max(0, received - 20)) });
				const inFlight = log.entries.some((entry) => entry.status === undefined);
				if (log.received !== lastReceived || inFlight) {
					lastReceived = log.received;
					quietSince = Date.now();
					return undefined;
				}
				if (Date.now() - quietSince < 3000) return undefined;
				return (await options.executionsRunning()) ? undefined : true;
			},
			{ timeoutMs: options.idleTimeoutMs ?? 180_000, intervalMs: 500 },
		);
	}

	function moveWhileStopped(ms: number): void {
		sandbox.clock.advance(ms);
		fake.advance(ms);
	}

	async function jump(ms: number, what: string): Promise<void> {
		await waitIdle(`before ${what}`);
		moveWhileStopped(ms);
		// libfaketime reads the offset file at most once a second; then the due timers fire.
		await new Promise((resolve) => setTimeout(resolve, 6000));
		await waitIdle(`after ${what}`);
	}

	async function jumpUntil(what: string, stepMs: number, maxSteps: number, done: () => Promise<boolean>, describe?: () => Promise<string>): Promise<void> {
		for (let step = 0; step < maxSteps; step += 1) {
			if (await done()) return;
			await jump(stepMs, `${what}, step ${step + 1}`);
		}
		if (!(await done())) {
			const state = describe ? `\n${await describe()}` : '';
			throw new Error(`${what}: not reached after ${maxSteps} jumps of ${stepMs / MINUTE_MS} min${state}`);
		}
	}

	return { waitIdle, jump, jumpUntil, moveWhileStopped, offsetMs: fake.offsetMs };
}
