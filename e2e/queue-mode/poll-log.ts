/**
 * Which triggers polled in an n8n process, read from its debug log: n8n's own "Poll trigger
 * initiated" and each of the package's triggers' poll line. In queue mode only the main process
 * may poll; a worker that polled would fetch (and emit) the same orders a second time.
 */
export const POLL_LOG_LINES = {
	n8n: /Poll trigger initiated/,
	tjansteguidenTrigger: /Tjänsteguiden Trigger polled/,
	onApiTrigger: /ON-API Trigger polled an operator/,
} as const;

export type PollKind = keyof typeof POLL_LOG_LINES;

/** The kinds of poll line the log contains. */
export function pollsIn(log: string): PollKind[] {
	return (Object.keys(POLL_LOG_LINES) as PollKind[]).filter((kind) => POLL_LOG_LINES[kind].test(log));
}
