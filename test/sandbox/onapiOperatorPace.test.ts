/**
 * What the ON-API Trigger needs of the sandbox, through its HTTP admin API and client: order
 * durations per operator on the sandbox clock, requestedDateTime, operators with and without
 * orderevents/, outages per operator, and a directory of 30 generated operators.
 */
import axios from 'axios';

import {
	DEMO_USERNAME,
	DIRECTORY_SIZE,
	directoryEntries,
	directoryOnApiOperators,
	directoryOperators,
	FIBNORR_PASSWORD,
	SNDEMO_PASSWORD,
	startSandbox,
	type RunningSandbox,
} from '../../sandbox/src';
import { createOnApiSimulator, formatDuration, parseDuration } from '../../sandbox/src/onapi';

const START = '2025-06-10T08:00:00Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface OnApiAnswer {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
	headers: Record<string, unknown>;
}

async function onApi(sandbox: RunningSandbox, method: 'GET' | 'POST', path: string, login: { username: string; password: string }, body?: unknown, timeout = 5000): Promise<OnApiAnswer> {
	const response = await sandbox.admin.http.request({ method, url: path, data: body, auth: login, timeout });
	return { status: response.status, json: response.data, headers: response.headers as Record<string, unknown> };
}

const sndemo = { username: DEMO_USERNAME, password: SNDEMO_PASSWORD };
const fibnorr = { username: DEMO_USERNAME, password: FIBNORR_PASSWORD };
const activation = (accessId: string, extra: Record<string, unknown> = {}) => ({ operation: 'ACTIVATE', accessId, service: 'BB-100-100', spReference: `REF-${accessId}`, ...extra });

describe('ON-API operators for the trigger (demo world)', () => {
	let sandbox: RunningSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ clockStart: START, extraSimulators: [({ clock }) => createOnApiSimulator({ clock })] });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	afterEach(async () => {
		await sandbox.admin.reset();
	});

	it('reads durations in minutes, hours and days', () => {
		expect(parseDuration('90s')).toBe(90_000);
		expect(parseDuration('10m')).toBe(600_000);
		expect(parseDuration('10 minutes')).toBe(600_000);
		expect(parseDuration('4h')).toBe(4 * HOUR);
		expect(parseDuration('2d')).toBe(2 * DAY);
		expect(parseDuration('1d 12h')).toBe(36 * HOUR);
		expect(parseDuration('250ms')).toBe(250);
		expect(parseDuration('soon')).toBeUndefined();
		expect(parseDuration('10 mins')).toBeUndefined();
		expect(parseDuration('')).toBeUndefined();
		for (const ms of [250, 90_000, 36 * HOUR, 2 * DAY + 5_000]) expect(parseDuration(formatDuration(ms))).toBe(ms);
		expect(formatDuration(2 * DAY)).toBe('2d');
	});

	it('takes an order duration per operator on the sandbox clock: this one takes days, the other keeps its seconds', async () => {
		const behaviour = await sandbox.admin.onapi.setOrderDuration('SNDEMO', { inProgressAfter: '1h', doneAfter: '2d' });
		expect(behaviour.timing).toEqual({ inProgressAfterMs: HOUR, doneAfterMs: 2 * DAY });
		const page = await sandbox.admin.http.get<string>('/__admin', { headers: { Accept: 'text/html' }, responseType: 'text' });
		expect(page.data).toContain('<td>in progress after 1h, done after 2d</td>');
		const slow = await onApi(sandbox, 'POST', '/onapi/SNDEMO/2.6/orders/', sndemo, activation('SNDEMO-A0001'));
		const fast = await onApi(sandbox, 'POST', '/onapi/FIBNORR/2.4/orders/', fibnorr, activation('FIBNORR-1001'));
		expect([slow.status, fast.status]).toEqual([201, 201]);
		expect(slow.json.expectedCompletionDate).toBe('2025-06-12T08:00:00Z');

		await sandbox.admin.advanceClock(30 * 60_000);
		const read = async () => (await onApi(sandbox, 'GET', `/onapi/SNDEMO/2.6/orders/${slow.json.orderId as string}`, sndemo)).json.state;
		expect(await read()).toBe('RECEIVED');
		expect((await onApi(sandbox, 'GET', `/onapi/FIBNORR/2.4/orders/${fast.json.orderId as string}`, fibnorr)).json.state).toBe('DONE_SUCCESS');
		await sandbox.admin.advanceClock(HOUR);
		expect(await read()).toBe('IN_PROGRESS');
		await sandbox.admin.advanceClock(DAY);
		expect(await read()).toBe('IN_PROGRESS');
		await sandbox.admin.advanceClock(DAY);
		expect(await read()).toBe('DONE_SUCCESS');
	});

	it('refuses a duration it cannot read, naming the field', async () => {
		await expect(sandbox.admin.onapi.setOrderDuration('SNDEMO', { doneAfter: 'a while' })).rejects.toThrow(
			"failed with 400: timing.doneAfter: 'a while' is not a duration like 90s, 10m, 4h, 2d or 1d 12h",
		);
		await expect(sandbox.admin.onapi.setOrderDuration('SNDEMO', { doneAfter: '1d', doneAfterMs: 5 })).rejects.toThrow('give doneAfterMs or doneAfter, not both');
	});

	it('keeps an order RECEIVED until its requestedDateTime, in the order and in the events', async () => {
		const placed = await onApi(sandbox, 'POST', '/onapi/SNDEMO/2.6/orders/', sndemo, activation('SNDEMO-A0002', { requestedDateTime: '2025-06-13T06:00:00Z' }));
		expect(placed.status).toBe(201);
		await sandbox.admin.advanceClock(2 * DAY);
		const path = `/onapi/SNDEMO/2.6/orders/${placed.json.orderId as string}`;
		expect((await onApi(sandbox, 'GET', path, sndemo)).json.state).toBe('RECEIVED');
		const events = (await onApi(sandbox, 'GET', '/onapi/SNDEMO/2.6/orderevents/', sndemo)).json as Array<{ order: { state: string } }>;
		expect(events.map((event) => event.order.state)).toEqual(['RECEIVED']);
		await sandbox.admin.setClock('2025-06-13T06:00:10Z');
		expect((await onApi(sandbox, 'GET', path, sndemo)).json.state).toBe('DONE_SUCCESS');
	});

	it('serves an operator without orderevents/: absent from its endpoint list and refused', async () => {
		const listed = async () => ((await onApi(sandbox, 'GET', '/onapi/SNDEMO/2.6/', sndemo)).json as Array<{ name: string }>).map((entry) => entry.name);
		expect(await listed()).toContain('orderevents');
		await sandbox.admin.onapi.setOrderEvents('SNDEMO', false);
		expect(await listed()).toEqual(['accesses', 'services', 'order', 'subscriptions']);
		const refused = await onApi(sandbox, 'GET', '/onapi/SNDEMO/2.6/orderevents/', sndemo);
		expect(refused.status).toBe(404);
		expect(refused.json.cause).toBe('SNDEMO does not offer orderevents/; poll orders/ instead');
		expect((await onApi(sandbox, 'GET', '/onapi/FIBNORR/2.4/orderevents/', fibnorr)).status).toBe(200);
	});

	it('takes one operator down in four ways while the other answers, until the outage is cleared', async () => {
		const fibnorrUp = async () => (await onApi(sandbox, 'GET', '/onapi/FIBNORR/2.4/orders/', fibnorr)).status;

		await sandbox.admin.onapi.setOutage('SNDEMO', { kind: 'unauthorized' });
		const refused = await onApi(sandbox, 'GET', '/onapi/SNDEMO/2.6/orders/', sndemo);
		expect(refused.status).toBe(401);
		expect(refused.headers['www-authenticate']).toBe('Basic realm="ON-API SNDEMO", charset="UTF-8"');
		expect(await fibnorrUp()).toBe(200);

		await sandbox.admin.onapi.setOutage('SNDEMO', { kind: 'http5xx', status: 502 });
		const failing = await onApi(sandbox, 'GET', '/onapi/SNDEMO/2.6/orders/', sndemo);
		expect(failing.status).toBe(502);
		expect(String(failing.json)).toContain('<h1>502 Bad Gateway</h1>');

		await sandbox.admin.onapi.setOutage('SNDEMO', { kind: 'timeout' });
		await expect(onApi(sandbox, 'GET', '/onapi/SNDEMO/2.6/orders/', sndemo, undefined, 300)).rejects.toMatchObject({ code: 'ECONNABORTED' });
		expect(await fibnorrUp()).toBe(200);

		await sandbox.admin.onapi.setOutage('SNDEMO', { kind: 'down' });
		await expect(onApi(sandbox, 'GET', '/onapi/SNDEMO/2.6/orders/', sndemo)).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect((await sandbox.admin.onapi.state('SNDEMO')).operators.SNDEMO?.behaviour.outage).toEqual({ kind: 'down' });
		const page = await sandbox.admin.http.get<string>('/__admin', { headers: { Accept: 'text/html' }, responseType: 'text' });
		expect(page.data).toContain('<td>in progress after 2s, done after 5s</td><td></td><td>offered</td><td>down</td>');

		await sandbox.admin.onapi.setOutage('SNDEMO', null);
		expect((await onApi(sandbox, 'GET', '/onapi/SNDEMO/2.6/orders/', sndemo)).status).toBe(200);
		const counters = (await sandbox.admin.counters()).bySimulator.onapi;
		expect(counters?.byOutcome).toMatchObject({ outage: 2, held: 1, reset: 1 });
	});

	it('refuses an outage it does not know', async () => {
		await expect(sandbox.admin.onapi.configure('SNDEMO', { outage: { kind: 'flood' } as never })).rejects.toThrow(
			'outage must be null or {kind: down | unauthorized | http5xx | timeout}',
		);
		await expect(sandbox.admin.onapi.setOutage('SNDEMO', { kind: 'timeout', status: 503 })).rejects.toThrow('for kind http5xx only');
	});
});

describe('a directory of 30 generated operators', () => {
	let sandbox: RunningSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ clockStart: START, extraSimulators: [({ clock }) => createOnApiSimulator({ clock, operators: directoryOnApiOperators() })] });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	it('generates 30 distinct operators with every version and pace, half of them without orderevents/', () => {
		const operators = directoryOperators();
		expect(operators).toHaveLength(DIRECTORY_SIZE);
		expect(new Set(operators.map((operator) => operator.coId)).size).toBe(30);
		expect(new Set(operators.map((operator) => operator.onApiPassword)).size).toBe(30);
		expect(new Set(operators.map((operator) => operator.onApiVersion))).toEqual(new Set(['2.4', '2.5', '2.6']));
		for (const pace of ['minutes', 'hours', 'days']) {
			expect(new Set(operators.filter((operator) => operator.pace === pace).map((operator) => operator.orderEvents))).toEqual(new Set([true, false]));
		}
		expect(operators.filter((operator) => operator.orderEvents)).toHaveLength(15);
		expect(directoryOperators(3).map((operator) => operator.coId)).toEqual(['DIR01', 'DIR02', 'DIR03']);
	});

	it('serves each entry of the directory at its base URL and version, with its own login and its own pace', async () => {
		const entries = directoryEntries(sandbox.url);
		const state = await sandbox.admin.onapi.state();
		expect(Object.keys(state.operators)).toHaveLength(30);
		for (const [index, entry] of entries.entries()) {
			const operator = directoryOperators()[index];
			const endpoints = await axios.get<Array<{ name: string }>>(`${entry.baseUrl}/${entry.version}/`, {
				auth: { username: entry.username, password: entry.password },
				proxy: false,
			});
			expect(endpoints.data.some((endpoint) => endpoint.name === 'orderevents')).toBe(operator?.orderEvents);
			const wrong = entries[(index + 1) % entries.length]?.password as string;
			const refused = await axios.get(`${entry.baseUrl}/${entry.version}/`, { auth: { username: entry.username, password: wrong }, proxy: false, validateStatus: () => true });
			expect(refused.status).toBe(401);
			expect(state.operators[entry.coId]?.preferredVersion).toBe(entry.version);
		}
		const timings = Object.values(state.operators).map((operator) => operator.behaviour.timing.doneAfterMs);
		expect(new Set(timings)).toEqual(new Set([10 * 60_000, 4 * HOUR, 2 * DAY]));
	});
});
