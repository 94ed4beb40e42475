/**
 * Polls `probe` until it returns something other than undefined. The deadline only bounds a hung
 * run; it is generous on purpose (a slow CI machine must not fail the test) and never asserted on.
 */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	options: { timeoutMs: number; intervalMs?: number; describeLastState?: () => Promise<string> | string },
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) {
			const state = options.describeLastState ? `\nlast state: ${await options.describeLastState()}` : '';
			throw new Error(`gave up waiting for ${what} after ${Math.round(options.timeoutMs / 1000)} s${state}`);
		}
		await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
	}
}
