/**
 * The capped body reader on real streams: a body that stalls is given up after the idle timeout
 * (n8n's own timeout no longer applies once the headers are in), a slow but steady one is read
 * whole, and each way of ending destroys the stream so that the connection is closed.
 */
import { PassThrough } from 'node:stream';

import { readCappedBody, ResponseTooLargeError } from '../../nodes/shared/cappedBody';

const IDLE_MS = 300;
const limits = { maxBytes: 1024, idleTimeoutMs: IDLE_MS };

function body(): PassThrough {
	return new PassThrough();
}

function later(ms: number, action: () => void): void {
	setTimeout(action, ms);
}

test('a body that stops arriving fails with ETIMEDOUT after the idle timeout, and the stream is destroyed', async () => {
	const stream = body();
	stream.write('first part of the answer');
	const started = Date.now();
	const reading = readCappedBody(stream, undefined, limits);
	await expect(reading).rejects.toMatchObject({ code: 'ETIMEDOUT', message: `No data arrived for ${IDLE_MS / 1000} seconds while reading the answer` });
	expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_MS - 20);
	expect(stream.destroyed).toBe(true);
});

test('a slow but steady body is read whole: each chunk restarts the idle timeout', async () => {
	const stream = body();
	const pieces = ['<a>', 'slow', ' but ', 'steady', '</a>'];
	// Chunks two thirds of the idle timeout apart: the whole body takes longer than the timeout.
	pieces.forEach((piece, index) => later(((index + 1) * IDLE_MS * 2) / 3, () => stream.write(piece)));
	later(((pieces.length + 1) * IDLE_MS * 2) / 3, () => stream.end());
	const bytes = await readCappedBody(stream, undefined, limits);
	expect(Buffer.from(bytes).toString('utf8')).toBe(pieces.join(''));
});

test('a body past the cap fails with the limit and the stream is destroyed', async () => {
	const stream = body();
	const reading = readCappedBody(stream, undefined, limits);
	stream.write(Buffer.alloc(600, 'x'));
	stream.write(Buffer.alloc(600, 'y'));
	await expect(reading).rejects.toBeInstanceOf(ResponseTooLargeError);
	expect(stream.destroyed).toBe(true);
});

test('a body announced larger than the cap fails at its first chunk, with the announced size', async () => {
	const stream = body();
	const reading = readCappedBody(stream, '5000000', limits);
	stream.write('x');
	await expect(reading).rejects.toMatchObject({ maxBytes: 1024, declaredBytes: 5_000_000 });
	expect(stream.destroyed).toBe(true);
});

test('a connection closed before the end of the body fails with ECONNRESET', async () => {
	const stream = body();
	const reading = readCappedBody(stream, undefined, limits);
	stream.write('half an answ');
	later(10, () => stream.destroy());
	await expect(reading).rejects.toMatchObject({ code: 'ECONNRESET' });
});

test('a body that is already bytes is only measured', async () => {
	expect(Buffer.from(await readCappedBody('<ok/>', undefined, limits)).toString('utf8')).toBe('<ok/>');
	await expect(readCappedBody('x'.repeat(2000), undefined, limits)).rejects.toBeInstanceOf(ResponseTooLargeError);
});
