import { spawn } from 'node:child_process';

export interface Watchdog {
	/** The owner stopped the service itself: the watchdog goes without running its command. */
	cancel(): void;
}

/**
 * Runs `command` once this process is gone, however it went (Ctrl-C, a SIGKILL, a jest worker torn
 * down mid-test). For services that live in their own process group or session (PostgreSQL, Redis,
 * n8n), which a signal to the test's process group does not reach. The watchdog is a `sh` loop in
 * its own session that checks once a second whether this process is still there.
 */
export function stopWhenGone(command: string[]): Watchdog {
	const script = 'owner=$1; shift; while kill -0 "$owner" 2>/dev/null; do sleep 1; done; exec "$@"';
	const child = spawn('sh', ['-c', script, 'watchdog', String(process.pid), ...command], { detached: true, stdio: 'ignore' });
	child.unref();
	return {
		cancel: () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		},
	};
}
