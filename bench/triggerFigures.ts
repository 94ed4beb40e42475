/**
 * The trigger on its own, through n8n-core's real poll path (test/harness/n8n.ts `pollNode`)
 * against an in-process sandbox: what an idle poll costs, how long a poll with many new orders
 * takes to fetch their details, and how big the trigger's state grows over many orders.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { TjansteguidenApi } from '../credentials/TjansteguidenApi.credentials';
import { TjansteguidenTrigger } from '../nodes/Tjansteguiden/TjansteguidenTrigger.node';
import { clearHashCache } from '../nodes/Tjansteguiden/transport/hashCache';
import { DEMO_API_KEY, DEMO_API_USER, startSandbox, type RunningSandbox } from '../sandbox/src';
import { pollNode } from '../test/harness/n8n';
import { apiCallsSince, countCalls, lastSeq, type CallCounts } from './apiCalls';
import { nodeConcurrency } from './nodeConcurrency';
import { useShiftedClock } from './shiftedClock';

export interface IdlePollFigure {
	calls: CallCounts;
}

export interface EnrichPollFigure {
	orders: number;
	emitted: number;
	ms: number;
	calls: CallCounts;
	concurrency: number;
	floorMs: number;
}

export interface StateSizeFigure {
	orders: number;
	days: number;
	ordersPerDay: number;
	/** JSON size of the trigger's static data after the last day. */
	finalBytes: number;
	largestBytes: number;
	/** All orders inside the trigger's window at once (the worst case). */
	oneWindowBytes: number;
	emitted: number;
}

export interface TriggerFigures {
	latencyMs: number;
	idle: IdlePollFigure;
	enrich: EnrichPollFigure;
	state: StateSizeFigure;
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const baseParameters: INodeParameters = { statuses: ['new', 'delivered'], enrich: true, options: {} };

async function poll(sandbox: RunningSandbox, staticData: IDataObject, parameters: INodeParameters): Promise<IDataObject[]> {
	const result = await pollNode({
		nodeType: new TjansteguidenTrigger(),
		parameters: { ...baseParameters, ...parameters },
		credentialTypes: [new TjansteguidenApi()],
		credentials: { tjansteguidenApi: { baseUrl: sandbox.url, apiUser: Number(DEMO_API_USER), apiKey: DEMO_API_KEY } },
		staticData,
	});
	return (result?.[0] ?? []).map((item) => item.json);
}

function stateBytes(staticData: IDataObject): number {
	return Buffer.byteLength(JSON.stringify(staticData), 'utf8');
}

async function idleAndEnrich(latencyMs: number, enrichOrders: number): Promise<{ idle: IdlePollFigure; enrich: EnrichPollFigure }> {
	clearHashCache();
	const sandbox = await startSandbox({ requestLogCapacity: 100_000 });
	try {
		sandbox.server.latency.set('tjansteguiden', latencyMs);
		const staticData: IDataObject = {};
		await poll(sandbox, staticData, {});
		const beforeIdle = lastSeq(sandbox);
		await poll(sandbox, staticData, {});
		const idle = { calls: countCalls(apiCallsSince(sandbox, beforeIdle)) };

		await sandbox.admin.tjansteguiden.createOrders({ count: enrichOrders, intervalMs: 100 });
		const parameters: INodeParameters = { options: { maxOrdersPerPoll: enrichOrders } };
		const concurrency = nodeConcurrency({ name: 'trigger', type: 'n8n-nodes-tjansteguiden.tjansteguidenTrigger', parameters }).concurrency;
		const beforeEnrich = lastSeq(sandbox);
		const started = performance.now();
		const emitted = await poll(sandbox, staticData, parameters);
		const ms = performance.now() - started;
		const calls = countCalls(apiCallsSince(sandbox, beforeEnrich));
		const details = (calls.byOperation['tjansteguiden order_info'] ?? 0) + (calls.byOperation['tjansteguiden customer_info'] ?? 0);
		const floorMs = latencyMs * (1 + Math.ceil(details / concurrency));
		return { idle, enrich: { orders: enrichOrders, emitted: emitted.length, ms, calls, concurrency, floorMs } };
	} finally {
		await sandbox.close();
	}
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Simulated weeks of orders: each day `ordersPerDay` orders arrive in the morning and the trigger
 * polls at noon, with both clocks (trigger and sandbox) moved day by day. Details are not fetched:
 * the state does not depend on them, and 100,000 detail calls would only slow the simulation.
 */
async function stateSize(totalOrders: number): Promise<StateSizeFigure> {
	const ordersPerDay = Math.min(1000, totalOrders);
	const days = Math.ceil(totalOrders / ordersPerDay);
	clearHashCache();
	const clock = useShiftedClock();
	const sandbox = await startSandbox({ requestLogCapacity: 10_000 });
	try {
		const firstDay = Math.floor((Date.now() - (days + 2) * DAY_MS) / DAY_MS) * DAY_MS;
		const parameters: INodeParameters = { enrich: false, options: { maxOrdersPerPoll: ordersPerDay } };
		const staticData: IDataObject = {};
		clock.setNow(firstDay + 11 * 3600 * 1000);
		await poll(sandbox, staticData, parameters);
		let largestBytes = stateBytes(staticData);
		let emitted = 0;
		let created = 0;
		for (let day = 0; day < days; day++) {
			const morning = firstDay + day * DAY_MS + 5 * 3600 * 1000;
			const count = Math.min(ordersPerDay, totalOrders - created);
			clock.setNow(morning + 6 * 3600 * 1000);
			await sandbox.admin.tjansteguiden.createOrders({ count, startDate: morning, intervalMs: Math.floor((5 * 3600 * 1000) / count) });
			created += count;
			emitted += (await poll(sandbox, staticData, parameters)).length;
			largestBytes = Math.max(largestBytes, stateBytes(staticData));
			if ((day + 1) % 20 === 0) say(`[trigger] state simulation: day ${day + 1}/${days}, ${created} orders, state ${stateBytes(staticData)} bytes`);
		}
		const finalBytes = stateBytes(staticData);

		// Worst case: every order inside the window at once. The first poll remembers all of them.
		const sameDay = await startSandbox({ requestLogCapacity: 10_000 });
		let oneWindowBytes = 0;
		try {
			clock.setNow(firstDay + days * DAY_MS + 20 * 3600 * 1000);
			const start = firstDay + days * DAY_MS + 3600 * 1000;
			await sameDay.admin.tjansteguiden.createOrders({ count: totalOrders, startDate: start, intervalMs: Math.floor((18 * 3600 * 1000) / totalOrders) });
			const worst: IDataObject = {};
			await poll(sameDay, worst, parameters);
			oneWindowBytes = stateBytes(worst);
		} finally {
			await sameDay.close();
		}
		return { orders: created, days, ordersPerDay, finalBytes, largestBytes, oneWindowBytes, emitted };
	} finally {
		await sandbox.close();
		clock.restore();
		clearHashCache();
	}
}

export async function measureTrigger(options: { latencyMs: number; enrichOrders: number; stateOrders: number }): Promise<TriggerFigures> {
	say(`[trigger] idle poll and a poll of ${options.enrichOrders} new orders (${options.latencyMs} ms per call) ...`);
	const { idle, enrich } = await idleAndEnrich(options.latencyMs, options.enrichOrders);
	say(`[trigger] state size over ${options.stateOrders} simulated orders ...`);
	const state = await stateSize(options.stateOrders);
	return { latencyMs: options.latencyMs, idle, enrich, state };
}
