/**
 * An answer's body read with a byte cap. n8n's request helpers put no limit on an answer (axios
 * runs with an unlimited maxContentLength), so a huge or endless body would be buffered whole and
 * take n8n's memory with it. The transports ask n8n for the body as a stream (`encoding: 'stream'`)
 * and read it here: past the cap (or once a Content-Length above it is seen) the stream is
 * destroyed, which closes the connection, so the rest is never received. A body that stops arriving is given up after an idle timeout: n8n's own
 * timeout covers the wait for the headers only when the body is a stream.
 */
import { sleep } from 'n8n-workflow';

export interface BodyLimits {
	maxBytes: number;
	/** How long the body may stall between two chunks. */
	idleTimeoutMs: number;
}

/** The body was (or announced itself as) larger than the cap; reading stopped there. */
export class ResponseTooLargeError extends Error {
	constructor(
		readonly maxBytes: number,
		/** The Content-Length, when the answer announced its size. */
		readonly declaredBytes?: number,
	) {
		super(`The answer is larger than ${megabytesText(maxBytes)}`);
	}
}

/** Bytes as megabytes for a message: `512 MB`, `0.5 MB`. */
export function megabytesText(bytes: number): string {
	const megabytes = bytes / (1024 * 1024);
	return `${Number(megabytes.toFixed(megabytes >= 10 ? 0 : 2))} MB`;
}

interface ReadableBody {
	on(event: string, listener: (value?: unknown) => void): unknown;
	destroy(error?: Error): unknown;
}

function isReadable(body: unknown): body is ReadableBody {
	const candidate = body as Partial<ReadableBody> | null | undefined;
	return typeof candidate?.on === 'function' && typeof candidate.destroy === 'function';
}

function bytesOf(value: unknown): Uint8Array {
	if (value instanceof Uint8Array) return value;
	if (value instanceof ArrayBuffer) return new Uint8Array(value);
	return Buffer.from(typeof value === 'string' ? value : String(value ?? ''), 'utf8');
}

/** A network failure with the code the transports' retry rules know (they read `code`). */
function networkError(message: string, code: string): Error {
	return Object.assign(new Error(message), { code });
}

/**
 * The whole body as bytes, at most `limits.maxBytes` of them; rejects with ResponseTooLargeError
 * past the cap, and with the stream's own error (or an ECONNRESET/ETIMEDOUT one) when the body is
 * cut off or stalls. A body that is already bytes (not a stream) is only measured.
 */
export async function readCappedBody(body: unknown, contentLength: unknown, limits: BodyLimits): Promise<Uint8Array> {
	if (!isReadable(body)) {
		const bytes = bytesOf(body);
		if (bytes.length > limits.maxBytes) throw new ResponseTooLargeError(limits.maxBytes, bytes.length);
		return bytes;
	}
	const declared = Number(contentLength);
	const announcedTooLarge = contentLength !== undefined && Number.isFinite(declared) && declared > limits.maxBytes;
	return await collect(body, limits, announcedTooLarge ? declared : undefined);
}

/**
 * Reads the stream to its end or its cap. An answer announced too large is still read to its first
 * chunk: n8n's stream (axios wraps the response in a generator) releases the connection only once
 * it has been read from, so destroying it untouched would leave the rest of the body pending.
 */
async function collect(stream: ReadableBody, limits: BodyLimits, announcedBytes: number | undefined): Promise<Uint8Array> {
	const stopWatching = new AbortController();
	const chunks: Uint8Array[] = [];
	let total = 0;
	let lastActivity = Date.now();
	let settled = false;
	const collected = new Promise<Uint8Array>((resolve, reject) => {
		const settle = (error?: Error) => {
			if (settled) return;
			settled = true;
			stopWatching.abort();
			if (error === undefined) return resolve(Buffer.concat(chunks, total));
			// Destroying the stream closes the connection: the rest of the body is not received.
			stream.destroy();
			reject(error);
		};
		stream.on('data', (chunk) => {
			const piece = bytesOf(chunk);
			total += piece.length;
			lastActivity = Date.now();
			if (announcedBytes !== undefined || total > limits.maxBytes) settle(new ResponseTooLargeError(limits.maxBytes, announcedBytes));
			else chunks.push(piece);
		});
		stream.on('end', () => settle());
		stream.on('error', (error) => settle(error instanceof Error ? error : networkError(String(error), 'ECONNRESET')));
		// After 'end' this changes nothing; before it, the connection went away mid-body.
		stream.on('close', () => settle(networkError('The connection closed before the answer was complete', 'ECONNRESET')));
		void watchIdle(limits.idleTimeoutMs, () => lastActivity, stopWatching.signal, () =>
			settle(
				announcedBytes === undefined
					? networkError(`No data arrived for ${limits.idleTimeoutMs / 1000} seconds while reading the answer`, 'ETIMEDOUT')
					: new ResponseTooLargeError(limits.maxBytes, announcedBytes),
			),
		);
	});
	return await collected;
}

/** Calls `onIdle` once nothing has arrived for `idleMs`, with one timer at a time. */
async function watchIdle(idleMs: number, lastActivity: () => number, stop: AbortSignal, onIdle: () => void): Promise<void> {
	while (!stop.aborted) {
		const remaining = lastActivity() + idleMs - Date.now();
		if (remaining <= 0) return onIdle();
		await sleep(remaining, stop).catch(() => undefined);
	}
}
