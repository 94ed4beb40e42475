import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Hard limit; the child gets SIGTERM, then SIGKILL ten seconds later. */
	timeoutMs: number;
	/** When set, the command line and everything the child prints are appended here too. */
	logFile?: string;
	/** Copy the child's output to this process's stderr as it comes (long installs in CI). */
	echo?: boolean;
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	timedOut: boolean;
	stdout: string;
	stderr: string;
}

/** Runs one command to its end and captures its output; never throws for a non-zero exit. */
export function runCommand(command: string, args: string[], options: RunOptions): Promise<RunResult> {
	if (options.logFile) appendFileSync(options.logFile, `\n$ ${[command, ...args].join(' ')}\n`);
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		let timedOut = false;
		const collect = (sink: Buffer[]) => (chunk: Buffer) => {
			sink.push(chunk);
			if (options.logFile) appendFileSync(options.logFile, chunk);
			if (options.echo) process.stderr.write(chunk);
		};
		child.stdout.on('data', collect(stdout));
		child.stderr.on('data', collect(stderr));
		let killTimer: NodeJS.Timeout | undefined;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGTERM');
			killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		}, options.timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(new Error(`cannot run ${command}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (killTimer) clearTimeout(killTimer);
			resolve({
				code,
				signal,
				timedOut,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
			});
		});
	});
}

/** Last lines of a command's output, for error messages that stay readable. */
export function outputTail(result: RunResult, lines = 40): string {
	const all = `${result.stdout}\n${result.stderr}`.trimEnd().split('\n');
	return all.slice(-lines).join('\n');
}

export async function runCommandOrThrow(
	what: string,
	command: string,
	args: string[],
	options: RunOptions,
): Promise<RunResult> {
	const result = await runCommand(command, args, options);
	if (result.code !== 0) {
		const why = result.timedOut
			? `timed out after ${Math.round(options.timeoutMs / 1000)} s`
			: `exited with ${result.code ?? result.signal}`;
		const where = options.logFile ? ` (full log: ${options.logFile})` : '';
		throw new Error(`${what} failed: ${why}${where}\n${outputTail(result)}`);
	}
	return result;
}
