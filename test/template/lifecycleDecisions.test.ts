/**
 * The life-cycle template's decisions, run from the Code nodes' own JavaScript in
 * workflows/tjansteguiden-tl-lifecycle.json on the cases of issue 13.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codeOfNode, runCodeNode, type CodeItem } from './codeNodeRunner';

const FILE = 'tjansteguiden-tl-lifecycle.json';
const NOW = '2026-12-01T10:00:00+01:00';
const run = (node: string, input: CodeItem[], nodes = {}, now = NOW) => runCodeNode(codeOfNode(FILE, node), input, nodes, now);
const one = (node: string, input: CodeItem[], nodes = {}, now = NOW) => {
	const out = run(node, input, nodes, now);
	expect(out).toHaveLength(1);
	return out[0].json;
};

describe('Classify', () => {
	const order = { id: 501, co: 'SNDEMO', socket: 'SNDEMO-A0001', service_uid: 'BB100100', type: 'order', status: 'new', delivery: 'asap', date: '2026-12-01 09:30:00' };
	const classify = (changes: Record<string, unknown>) => one('Classify', [{ json: { ...order, ...changes } }]);

	it('tracks an asap order to be placed now', () => {
		expect(classify({})).toMatchObject({ tgOrderId: '501', co: 'SNDEMO', accessId: 'SNDEMO-A0001', tgService: 'BB100100', state: 'intake', requestedDate: null, needsFollowUp: false, tgOrderDate: '2026-12-01T08:30:00.000Z' });
	});
	it('turns a delivery day into 00:00 Swedish time, sent as UTC', () => {
		expect(classify({ delivery: '2026-12-04 00:00:00' }).requestedDate).toBe('2026-12-03T23:00:00.000Z');
		expect(classify({ delivery: '2026-07-04' }).requestedDate).toBeNull();
	});
	it('treats a past delivery day as now', () => {
		expect(classify({ delivery: '2026-11-20 00:00:00' }).requestedDate).toBeNull();
	});
	it('only imports a direct-activated order', () => {
		expect(classify({ status: 'delivered', directActivated: true })).toMatchObject({ state: 'imported', needsFollowUp: false, tgStatus: 'delivered' });
	});
	it('records the status the order gets at intake, so that a later step sets a status only when it changes', () => {
		expect(classify({}).tgStatus).toBe('received');
		expect(classify({ type: 'termination' }).tgStatus).toBe('received');
	});
	it('sends an order of another type to a person, with an alert', () => {
		expect(classify({ type: 'termination' })).toMatchObject({ state: 'held', needsFollowUp: true, problemType: 'alert' });
		expect(classify({ type: 'termination' }).lastProblem).toContain('termination');
	});
});

describe('Decide', () => {
	const row = { tgOrderId: '501', co: 'SNDEMO', accessId: 'SNDEMO-A0001', tgService: 'BB250250', product: '', requestedDate: null, state: 'intake' };
	const offered = (...offers: Array<Record<string, unknown>>): CodeItem[] => offers.map((json) => ({ json }));
	const offer = (service: string, extra: Record<string, unknown> = {}) => ({ service, availableDateTime: '2026-01-01T00:00:00Z', forcedTakeoverPossible: false, ...extra });
	/** Access and subscription items for one order, each tracing back to item 0 of "Order to place". */
	const decide = (items: CodeItem[], intent: Record<string, unknown> = row) =>
		one('Decide', items, { 'Order to place': { items: [{ json: intent }], matching: items.map(() => 0) } });

	it('activates the mapped product on a free port now when no date is asked for', () => {
		expect(decide(offered(offer('BB-250-250')))).toMatchObject({ product: 'BB-250-250', decision: 'activate', operation: 'ACTIVATE', requestedDateTime: '', forcedTakeover: false });
	});
	it('flags an unmapped product, naming it; the map is read again when the order is retried', () => {
		const out = decide(offered(offer('BB-250-250')), { ...row, tgService: 'TV999' });
		expect(out).toMatchObject({ decision: 'problem', state: 'held', problemType: 'error', product: '' });
		expect(out.lastProblem).toContain('TV999');
	});
	it('carries the customer’s day, or a later day the operator can deliver on', () => {
		expect(decide(offered(offer('BB-250-250')), { ...row, requestedDate: '2026-12-03T23:00:00.000Z' }).requestedDateTime).toBe('2026-12-03T23:00:00.000Z');
		expect(decide(offered(offer('BB-250-250', { availableDateTime: '2026-12-10T00:00:00Z' }))).requestedDateTime).toBe('2026-12-10T00:00:00.000Z');
	});
	it('records the same product already ours instead of ordering it', () => {
		const out = decide([...offered(offer('BB-250-250')), { json: { subscriptionId: 'S1', accessId: 'SNDEMO-A0001', service: 'BB-250-250', operationalState: 'ACTIVATED' } }]);
		expect(out).toMatchObject({ decision: 'alreadyActive', subscriptionId: 'S1' });
	});
	it('changes our other product on the access', () => {
		const out = decide([...offered(offer('BB-250-250'), offer('BB-100-100')), { json: { subscriptionId: 'S7', accessId: 'SNDEMO-A0001', service: 'BB-100-100', operationalState: 'ACTIVATED' } }]);
		expect(out).toMatchObject({ decision: 'change', operation: 'CHANGE', subscriptionId: 'S7' });
	});
	it('leaves take-over off by default even when the operator allows it', () => {
		expect(decide(offered(offer('BB-250-250', { forcedTakeoverPossible: true }))).forcedTakeover).toBe(false);
	});
	it('sends an unknown operator to a person with the directory’s message', () => {
		const out = decide([{ json: { error: 'Unknown operator "XYZ": the ON-API Operators credential lists 2 operators' } }], { ...row, co: 'XYZ' });
		expect(out).toMatchObject({ decision: 'problem', state: 'held', problemType: 'error' });
		expect(out.lastProblem).toContain('Unknown operator "XYZ"');
	});
	it('sends an operator reached only through Stadsnätsportalen to a person: it has no orders endpoint', () => {
		const portal = "Stadsnätsportalen's ON-API does not offer subscription → getMany";
		for (const failures of [[portal], ['Access SNPORTAL-A0001 not found', portal]]) {
			const out = decide([...failures.map((error) => ({ json: { error } })), ...offered(offer('BB-250-250'))], { ...row, co: 'SNPORTAL' });
			expect(out).toMatchObject({ decision: 'problem', state: 'held', problemType: 'alert' });
			expect(out.lastProblem).toContain('SNPORTAL');
			expect(out.lastProblem).toContain('Stadsnätsportalen');
			expect(out.lastProblem).toContain('no orders endpoint');
		}
	});
	it('sends a product the access does not offer, or cannot get yet, to a person', () => {
		expect(decide(offered(offer('BB-100-100')))).toMatchObject({ decision: 'problem' });
		expect(decide(offered(offer('BB-250-250', { availableDateTime: '3000-01-01T00:00:00Z' })))).toMatchObject({ decision: 'problem', problemType: 'alert' });
	});
	it('names an access with no services (unknown to the operator)', () => {
		expect(decide([{ json: {} }]).lastProblem).toContain('offers no service on the access SNDEMO-A0001');
	});
	it('gives one decision per order, orders without any read included', () => {
		const out = runCodeNode(codeOfNode(FILE, 'Decide'), offered(offer('BB-250-250')), { 'Order to place': { items: [{ json: row }, { json: { ...row, tgOrderId: '502', accessId: 'SNDEMO-A0002' } }], matching: [0] } }, NOW);
		expect(out.map((item) => [item.json.tgOrderId, item.json.decision])).toEqual([['501', 'activate'], ['502', 'problem']]);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Outcome', () => {
	const intent = { tgOrderId: '501', co: 'SNDEMO', accessId: 'SNDEMO-A0001', operation: 'ACTIVATE', requestedDate: null, requestedDateTime: '', subscriptionId: '' };
	const outcome = (answer: Record<string, unknown>, changes: Record<string, unknown> = {}) => one('Outcome', [{ json: answer }], { Decide: { items: [{ json: { ...intent, ...changes } }] } });

	it('records an accepted order', () => {
		expect(outcome({ orderId: 'O1', state: 'RECEIVED' })).toMatchObject({ next: 'ordered', state: 'ordered', onApiOrderId: 'O1' });
		expect(outcome({ orderId: 'O1', state: 'IN_PROGRESS' }).next).toBe('ordered');
	});
	it('sets `active` only when the order is not active yet: a retried order that was active keeps it', () => {
		expect(outcome({ orderId: 'O1', state: 'RECEIVED' }, { tgStatus: 'received' }).newStatus).toBe('active');
		expect(outcome({ orderId: 'O1', state: 'RECEIVED' }, { tgStatus: 'waiting' }).newStatus).toBe('active');
		expect(outcome({ orderId: 'O2', state: 'RECEIVED' }, { tgStatus: 'active' })).toMatchObject({ next: 'ordered', newStatus: '' });
	});
	it('sets `waiting` only when the order is not waiting yet: a retry that meets the other provider again keeps it', () => {
		const conflict = { error: 'ServiceType is already claimed by other Service Provider.', httpCode: '409' };
		expect(outcome(conflict, { tgStatus: 'received' }).newStatus).toBe('waiting');
		expect(outcome(conflict, { tgStatus: 'waiting' })).toMatchObject({ state: 'waitingCustomer', newStatus: '' });
	});
	it('delivers an order finished at once, but not before the customer’s day', () => {
		expect(outcome({ orderId: 'O1', state: 'DONE_SUCCESS' })).toMatchObject({ next: 'delivered', fromState: 'intake' });
		expect(outcome({ orderId: 'O1', state: 'DONE_SUCCESS' }, { requestedDate: '2026-12-03T23:00:00.000Z' }).next).toBe('doneEarly');
	});
	it('parks an order the operator cannot schedule until its day', () => {
		const out = outcome({ error: 'Invalid field "requestedDateTime": the operator does not support requestedDateTime on its order endpoint' }, { requestedDateTime: '2026-12-03T23:00:00.000Z' });
		expect(out).toMatchObject({ next: 'parked', state: 'parked', releaseAt: '2026-12-03T23:00:00.000Z' });
	});
	it('waits for the customer when another provider holds the port', () => {
		const out = outcome({ error: 'ServiceType is already claimed by other Service Provider.', httpCode: '409' });
		expect(out).toMatchObject({ next: 'problem', state: 'waitingCustomer', problemType: 'alert' });
	});
	it('flags DONE_FAILED with the operator’s reason, and any other refusal', () => {
		expect(outcome({ orderId: 'O1', state: 'DONE_FAILED', message: 'Splice failure' })).toMatchObject({ state: 'failed', lastProblem: 'Operator SNDEMO: Splice failure' });
		expect(outcome({ error: 'Bad request' })).toMatchObject({ next: 'problem', state: 'held', problemType: 'error' });
	});
});

describe('Finish', () => {
	const row = { tgOrderId: '501', co: 'SNDEMO', onApiOrderId: 'O1', state: 'ordered', requestedDate: null };
	const finish = (event: Record<string, unknown>, changes: Record<string, unknown> = {}) =>
		run('Finish', [{ json: { ...row, ...changes } }], { 'Order finished': { items: [{ json: { operator: 'SNDEMO', orderId: 'O1', ...event } }] } });

	it('delivers DONE_SUCCESS, on the day or later', () => {
		expect(finish({ state: 'DONE_SUCCESS' })[0].json).toMatchObject({ next: 'delivered', fromState: 'ordered' });
		expect(finish({ state: 'DONE_SUCCESS' }, { requestedDate: '2026-12-03T23:00:00.000Z' })[0].json.next).toBe('doneEarly');
	});
	it('flags DONE_FAILED with the reason', () => {
		expect(finish({ state: 'DONE_FAILED', message: 'No fibre' })[0].json).toMatchObject({ next: 'problem', state: 'failed', lastProblem: 'Operator SNDEMO: No fibre' });
	});
	it('flags an activation that finished after the cancellation', () => {
		expect(finish({ state: 'DONE_SUCCESS' }, { state: 'cancelled' })[0].json).toMatchObject({ next: 'problem', state: 'cancelledLate', problemType: 'alert' });
	});
	it('ignores rows of another operator’s order with the same ID, and final rows', () => {
		expect(finish({ state: 'DONE_SUCCESS' }, { co: 'FIBNORR' })).toEqual([]);
		expect(finish({ state: 'DONE_SUCCESS' }, { state: 'delivered' })[0].json.next).toBe('none');
	});
});

describe('Finish, for a finish the trigger never heard (Every hour: Unheard finish)', () => {
	const row = { tgOrderId: '501', co: 'FIBNORR', onApiOrderId: 'O1', state: 'ordered', requestedDate: null };
	const finishUnheard = (event: Record<string, unknown>, changes: Record<string, unknown> = {}) =>
		run('Finish', [{ json: { ...row, ...changes } }], { 'Unheard finish': { items: [{ json: { operator: 'FIBNORR', orderId: 'O1', finished: true, ...event } }] } });

	it('takes the finish the hourly branch read the way it takes the trigger’s', () => {
		expect(finishUnheard({ state: 'DONE_SUCCESS' })[0].json).toMatchObject({ next: 'delivered', fromState: 'ordered' });
		expect(finishUnheard({ state: 'DONE_SUCCESS' }, { requestedDate: '2026-12-03T23:00:00.000Z' })[0].json).toMatchObject({ next: 'doneEarly', fromState: 'ordered' });
		expect(finishUnheard({ state: 'DONE_FAILED', message: 'No fibre' })[0].json).toMatchObject({ next: 'problem', state: 'failed', fromState: 'ordered', lastProblem: 'Operator FIBNORR: No fibre' });
	});
	it('does nothing when the trigger heard it first (the row is no longer `ordered`), or the order is still open', () => {
		expect(finishUnheard({ state: 'DONE_SUCCESS' }, { state: 'delivered' })[0].json.next).toBe('none');
		expect(finishUnheard({ state: 'IN_PROGRESS', finished: false })).toEqual([]);
	});
});

describe('Unheard finish (Every hour: an order left `ordered` read at the operator)', () => {
	const row = { tgOrderId: '501', co: 'FIBNORR', onApiOrderId: 'O1', state: 'ordered' };
	const unheard = (answer: Record<string, unknown>) => one('Unheard finish', [{ json: answer }], { Action: { items: [{ json: row }] } });

	it('turns a finished order into the trigger’s event shape, for the Completion nodes', () => {
		expect(unheard({ orderId: 'O1', state: 'DONE_SUCCESS', message: '' })).toEqual({ tgOrderId: '501', operator: 'FIBNORR', orderId: 'O1', state: 'DONE_SUCCESS', message: null, finished: true });
		expect(unheard({ orderId: 'O1', state: 'DONE_FAILED', cause: 'No fibre' })).toMatchObject({ state: 'DONE_FAILED', message: 'No fibre', finished: true });
	});
	it('leaves an order still open, or one the operator could not be asked about, for the next check', () => {
		expect(unheard({ orderId: 'O1', state: 'IN_PROGRESS' })).toMatchObject({ tgOrderId: '501', finished: false });
		expect(unheard({ error: 'FIBNORR did not answer' })).toMatchObject({ tgOrderId: '501', finished: false });
	});
});

describe('Plan (every hour)', () => {
	const listedAs = (ids: number[], status = 'cancelled') => ids.map((id) => ({ id, status }));
	const plan = (rows: Array<Record<string, unknown>>, listed: Array<Record<string, unknown>> = [], now = NOW, readOneByOne: CodeItem[] = [{ json: { readOneByOne: false } }]) =>
		run('Plan', readOneByOne, { 'Cancellation window': { items: [{ json: { since: '2026-11-01', rows } }] }, 'Listed orders': { items: listed.map((json) => ({ json })) } }, now).map((item) => [
			item.json.tgOrderId,
			item.json.action,
			item.json.state,
		]);

	it('withdraws an order placed but cancelled, cancels one never placed, flags one already carried out', () => {
		expect(plan([
			{ tgOrderId: '1', state: 'ordered' },
			{ tgOrderId: '2', state: 'parked' },
			{ tgOrderId: '3', state: 'delivered', doneAt: '2026-11-30T10:00:00Z' },
			{ tgOrderId: '4', state: 'ordered' },
		], [...listedAs([1, 2, 3]), ...listedAs([4], 'active')])).toEqual([['1', 'withdraw', 'ordered'], ['2', 'cancel', 'parked'], ['3', 'problem', 'cancelledLate']]);
	});
	it('releases parked orders on their day only, and delivers done-early ones then', () => {
		const rows = [{ tgOrderId: '5', state: 'parked', releaseAt: '2026-12-03T23:00:00.000Z' }, { tgOrderId: '6', state: 'doneEarly', requestedDate: '2026-12-03T23:00:00.000Z' }];
		expect(plan(rows)).toEqual([]);
		expect(plan(rows, [], '2026-12-04T00:30:00+01:00')).toEqual([['5', 'place', 'parked'], ['6', 'deliver', 'doneEarly']]);
	});
	it('tries a row again once a person cleared its flag', () => {
		expect(plan([{ tgOrderId: '7', state: 'failed', needsFollowUp: true }, { tgOrderId: '8', state: 'waitingCustomer', needsFollowUp: false }])).toEqual([['8', 'place', 'waitingCustomer']]);
	});
	it('reads an order left `ordered` for 6 hours at the operator (its finish may never have been heard), once per 6 hours', () => {
		const hoursAgo = (hours: number) => new Date(Date.parse(NOW) - hours * 3_600_000).toISOString();
		expect(plan([
			{ tgOrderId: '10', state: 'ordered', onApiOrderId: 'O10', updatedAt: hoursAgo(6.1) },
			{ tgOrderId: '11', state: 'ordered', onApiOrderId: 'O11', updatedAt: hoursAgo(5.9) },
			{ tgOrderId: '12', state: 'doneEarly', onApiOrderId: 'O12', requestedDate: '2026-12-03T23:00:00.000Z', updatedAt: hoursAgo(30) },
			{ tgOrderId: '13', state: 'ordered', onApiOrderId: 'O13', updatedAt: hoursAgo(30) },
		], listedAs([13]))).toEqual([['10', 'check', 'ordered'], ['13', 'withdraw', 'ordered']]);
	});
	it('places again an order whose intake stopped half-way (a killed worker) after 30 minutes; after a day it goes to a person', () => {
		const minutesAgo = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();
		expect(plan([
			{ tgOrderId: '14', state: 'intake', createdAt: minutesAgo(45), updatedAt: minutesAgo(45) },
			{ tgOrderId: '15', state: 'intake', createdAt: minutesAgo(20), updatedAt: minutesAgo(20) },
			{ tgOrderId: '16', state: 'intake', createdAt: minutesAgo(25 * 60), updatedAt: minutesAgo(40) },
		])).toEqual([['14', 'place', 'intake'], ['16', 'problem', 'held']]);
	});
	it('never places an abandoned intake that was cancelled meanwhile', () => {
		const minutesAgo = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();
		expect(plan([{ tgOrderId: '17', state: 'intake', createdAt: minutesAgo(45), updatedAt: minutesAgo(45) }], listedAs([17]))).toEqual([['17', 'cancel', 'intake']]);
	});
	it('also acts on a cancellation found by reading an order the listing left out; a failed read changes nothing', () => {
		const rows = [{ tgOrderId: '2', state: 'parked' }, { tgOrderId: '9', state: 'ordered' }];
		const read = [{ json: { id: 2, status: 'cancelled' } }, { json: { error: 'Order 9: the service did not answer' } }];
		expect(plan(rows, listedAs([101, 102], 'active'), NOW, read)).toEqual([['2', 'cancel', 'parked']]);
	});
});

describe('Cancellation window and Withdrawn', () => {
	const window = (rows: Array<Record<string, unknown>>) => one('Cancellation window', rows.map((json) => ({ json })));

	it('lists from the oldest watched order’s Swedish day', () => {
		expect(window([{ tgOrderDate: '2026-11-28T23:30:00.000Z', state: 'ordered' }, { tgOrderDate: '2026-11-30T08:00:00.000Z', state: 'parked' }]).since).toBe('2026-11-29');
	});
	it('stops watching delivered orders after the window, and lists only from the orders still watched', () => {
		const out = window([
			{ tgOrderId: '3', state: 'delivered', doneAt: '2026-11-01T10:00:00Z', tgOrderDate: '2026-10-30T08:00:00.000Z' },
			{ tgOrderId: '4', state: 'delivered', doneAt: '2026-11-30T10:00:00Z', tgOrderDate: '2026-11-25T08:00:00.000Z' },
		]);
		expect(out).toMatchObject({ since: '2026-11-25' });
		expect((out.rows as Array<{ tgOrderId: string }>).map((row) => row.tgOrderId)).toEqual(['4']);
	});
	it('records a withdrawal, and flags an order the operator had started', () => {
		const row = { tgOrderId: '1', co: 'SNDEMO', state: 'ordered' };
		expect(one('Withdrawn', [{ json: { success: true, cancelled: true } }], { Action: { items: [{ json: row }] } })).toMatchObject({ next: 'cancelled', fromState: 'ordered' });
		expect(one('Withdrawn', [{ json: { error: 'Order O1 is IN_PROGRESS' } }], { Action: { items: [{ json: row }] } })).toMatchObject({ next: 'problem', state: 'cancelledLate' });
	});
});

describe('Not in the listing (Atlas listings may stop at 100 rows, Orders spec §11)', () => {
	const watched = [{ tgOrderId: '1', state: 'ordered' }, { tgOrderId: '2', state: 'parked' }, { tgOrderId: '3', state: 'failed' }];
	const listing = (ids: number[]): CodeItem[] => ids.map((id) => ({ json: { id, status: 'active' } }));
	const unlisted = (listed: CodeItem[]) =>
		run('Not in the listing', listed, { 'Cancellation window': { items: [{ json: { since: '2026-11-01', rows: watched } }] } }).map((item) => item.json);
	const filler = (count: number) => Array.from({ length: count }, (_, index) => 1000 + index);

	it('reads nothing one by one after a listing of fewer than 100 orders, or after an empty one', () => {
		expect(unlisted(listing([1, ...filler(98)]))).toEqual([{ readOneByOne: false }]);
		expect(unlisted([{ json: {} }])).toEqual([{ readOneByOne: false }]);
	});
	it('reads every watched order a listing of 100 orders did not contain', () => {
		expect(unlisted(listing([1, ...filler(99)]))).toEqual([{ tgOrderId: '2', readOneByOne: true }, { tgOrderId: '3', readOneByOne: true }]);
		expect(unlisted(listing([1, 2, 3, ...filler(150)]))).toEqual([{ readOneByOne: false }]);
	});
});

describe('Wiring', () => {
	const workflow = JSON.parse(readFileSync(path.join(__dirname, '../../workflows', FILE), 'utf8')) as {
		nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
		connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	};
	const into = (name: string) => Object.entries(workflow.connections).flatMap(([from, { main }]) => main.flatMap((targets, output) => (targets.some((target) => target.node === name) ? [{ from, output }] : [])));
	const conditionOf = (name: string) => JSON.stringify(workflow.nodes.find((node) => node.name === name)?.parameters.conditions ?? {});

	it('sets `active` and `waiting` only behind a check of the status the decision says changes', () => {
		for (const [setter, status] of [['Active', 'active'], ['Waiting', 'waiting']]) {
			const sources = into(setter);
			expect(sources).toHaveLength(1);
			expect(sources[0].output).toBe(0);
			expect(conditionOf(sources[0].from)).toContain('newStatus');
			expect(conditionOf(sources[0].from)).toContain(`"rightValue":"${status}"`);
		}
	});
	it('reads an order left `ordered` at the operator, and converges on the Completion nodes when it finished', () => {
		const action = workflow.nodes.find((node) => node.name === 'Action') as unknown as { parameters: { rules: { values: Array<{ outputKey: string }> } } };
		const check = action.parameters.rules.values.findIndex((rule) => rule.outputKey === 'Check');
		expect(into('Read open order')).toEqual([{ from: 'Action', output: check }]);
		expect(into('Unheard finish')).toEqual([{ from: 'Read open order', output: 0 }]);
		expect(into('Finished at the operator?')).toEqual([{ from: 'Unheard finish', output: 0 }]);
		expect(into('Tracked order')).toEqual([{ from: 'Order finished', output: 0 }, { from: 'Finished at the operator?', output: 0 }]);
		expect(into('Still open')).toEqual([{ from: 'Finished at the operator?', output: 1 }]);
	});
	it('applies a finish at most once: every write after it is a compare-and-set on the row’s state', () => {
		const filterOf = (name: string) => JSON.stringify(workflow.nodes.find((node) => node.name === name)?.parameters.filters ?? {});
		for (const name of ['Record delivered', 'Record done early', 'Record finish problem']) expect(filterOf(name)).toContain('"keyValue":"={{ $json.fromState }}"');
		expect(filterOf('Still open')).toContain('"keyName":"state","condition":"eq","keyValue":"ordered"');
		expect(into('To a person')).toContainEqual({ from: 'Record finish problem', output: 0 });
		expect(into('Record finish problem')).toEqual([{ from: 'Finished how', output: 2 }]);
	});
	it('reads the orders the listing left out before planning, and plans directly otherwise', () => {
		expect(into('Read unlisted order')).toEqual([{ from: 'One by one?', output: 0 }]);
		expect(into('Plan')).toEqual([{ from: 'One by one?', output: 1 }, { from: 'Read unlisted order', output: 0 }]);
	});
});
