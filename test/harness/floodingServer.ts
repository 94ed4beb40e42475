/**
 * A server on loopback that can answer with a body far larger than a node should read, sent with
 * backpressure, and that records how each answer ended: finished, or its connection closed by the
 * client before the end (what a response size cap must do). Small answers are sent as they are.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Flood {
	/** How many bytes the body would have in all. */
	totalBytes: number;
	/** Announce the size in Content-Length (else the body is chunked, its size unknown up front). */
	declareLength?: boolean;
	status?: number;
	headers?: Record<string, string>;
}

export interface SmallAnswer {
	status?: number;
	headers?: Record<string, string>;
	body: string;
}

export type FloodingScript = (request: IncomingMessage) => Flood | SmallAnswer;

export interface AnswerRecord {
	url: string;
	/** Bytes handed to the socket before the answer ended. */
	bytesSent: number;
	/** Resolves when the answer is over: true when the client closed the connection before its end. */
	closedEarly: Promise<boolean>;
}

export interface FloodingServer {
	url: string;
	answers: AnswerRecord[];
	close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, ' ');

export async function startFloodingServer(script: FloodingScript): Promise<FloodingServer> {
	const answers: AnswerRecord[] = [];
	const server = createServer((request, response) => {
		const answer = script(request);
		let resolveClosed: (early: boolean) => void = () => undefined;
		const record: AnswerRecord = { url: request.url ?? '', bytesSent: 0, closedEarly: new Promise((resolve) => (resolveClosed = resolve)) };
		answers.push(record);
		response.on('close', () => resolveClosed(!response.writableFinished));
		if ('body' in answer) {
			response.writeHead(answer.status ?? 200, answer.headers);
			record.bytesSent = Buffer.byteLength(answer.body);
			response.end(answer.body);
			return;
		}
		response.writeHead(answer.status ?? 200, {
			...answer.headers,
			...(answer.declareLength ? { 'Content-Length': String(answer.totalBytes) } : {}),
		});
		const pump = () => {
			while (record.bytesSent < answer.totalBytes && !response.destroyed) {
				const piece = CHUNK.subarray(0, Math.min(CHUNK.length, answer.totalBytes - record.bytesSent));
				record.bytesSent += piece.length;
				if (!response.write(piece)) return void response.once('drain', pump);
			}
			if (!response.destroyed) response.end();
		};
		pump();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		answers,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
