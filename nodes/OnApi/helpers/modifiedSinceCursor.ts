/**
 * The cursor of "changes since": which If-Modified-Since to send after an answer that carried
 * `Last-Modified`.
 *
 * HTTP dates have whole seconds. If the operator answered within the second its Last-Modified
 * names, a change later in that same second has the same Last-Modified and would not count as
 * "modified since" it: it would be missed for good. So unless the answer's own Date shows that the
 * second was over, the next request asks from one second earlier. The price is that accesses
 * changed in that second come once more; a workflow that must not see an access twice compares
 * it with what it has (accessId and content).
 */

export const OVERLAP_MS = 1_000;

export function nextIfModifiedSince(lastModified: string, answeredAt: string | undefined): string {
	const modified = Date.parse(lastModified);
	if (Number.isNaN(modified)) return lastModified;
	const answered = answeredAt === undefined ? Number.NaN : Date.parse(answeredAt);
	const secondWasOver = !Number.isNaN(answered) && Math.floor(answered / 1000) > Math.floor(modified / 1000);
	return secondWasOver ? lastModified : new Date(modified - OVERLAP_MS).toUTCString();
}
