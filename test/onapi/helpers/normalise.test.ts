import { normaliseAccess } from '../../../nodes/OnApi/helpers/normaliseAccess';
import { normaliseCharacteristics, normaliseOfferedCharacteristics } from '../../../nodes/OnApi/helpers/normaliseCharacteristics';
import { normaliseOrder, orderIdFromLocation } from '../../../nodes/OnApi/helpers/normaliseOrder';
import { isOrderableNow, normaliseService, UNKNOWN_FUTURE, UNKNOWN_PAST } from '../../../nodes/OnApi/helpers/normaliseService';
import { flattenSubscriptions } from '../../../nodes/OnApi/helpers/normaliseSubscription';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('order normalisation', () => {
	it('turns the 2.4 text\'s status into state', () => {
		expect(normaliseOrder({ orderId: 'O1', status: 'RECEIVED' })).toEqual({ orderId: 'O1', state: 'RECEIVED' });
	});

	it('prefers state when both are present and tidies its spelling', () => {
		expect(normaliseOrder({ state: 'done_success', status: 'RECEIVED' }).state).toBe('DONE_SUCCESS');
		expect(normaliseOrder({ state: 'In progress' }).state).toBe('IN_PROGRESS');
	});

	it('derives orderId from path when missing', () => {
		expect(normaliseOrder({ path: '/onapi/2.6/orders/f3f26446f6e8407aae876ea8e52d7417', state: 'RECEIVED' }).orderId).toBe(
			'f3f26446f6e8407aae876ea8e52d7417',
		);
		expect(orderIdFromLocation('/onapi/2.4/orders/abc/')).toBe('abc');
	});

	it('renames characteristics.ipAddress to ipAddresses', () => {
		const order = normaliseOrder({ characteristics: { fixedIp: true, ipAddress: ['1.2.3.4'], SLA: 'SLA-3' } });
		expect(order.characteristics).toEqual({ fixedIp: true, ipAddresses: ['1.2.3.4'], SLA: 'SLA-3' });
	});

	it('gives an empty order for a non-object', () => {
		expect(normaliseOrder('oops')).toEqual({});
	});
});

describe('characteristics normalisation', () => {
	it('merges ipAddress into ipAddresses without duplicates', () => {
		expect(normaliseCharacteristics({ ipAddresses: ['1.1.1.1'], ipAddress: ['1.1.1.1', '2.2.2.2'] })).toEqual({
			ipAddresses: ['1.1.1.1', '2.2.2.2'],
		});
	});

	it('renames offered values to validValues', () => {
		expect(
			normaliseOfferedCharacteristics({ fixedIp: { required: false, values: [true, false] }, ipAddress: { required: false } }),
		).toEqual({ fixedIp: { required: false, validValues: [true, false] }, ipAddresses: { required: false } });
	});
});

describe('service normalisation (2.4 dates → 2.5 dateTimes)', () => {
	it('maps dates, YES and NO onto the 2.5 conventions', () => {
		const service = normaliseService(
			{ service: 'VOIP', connection: 'NO', available: '2019-01-01', disconnection: '', forcedTakeoverPossible: true },
			NOW,
		);
		expect(service).toEqual({
			service: 'VOIP',
			connectionDateTime: UNKNOWN_FUTURE,
			availableDateTime: '2019-01-01T00:00:00Z',
			disconnectionDateTime: '',
			forcedTakeoverPossible: true,
			orderableNow: true,
		});
		const iptv = normaliseService({ service: 'IPTV', connection: '2013-10-12', available: 'NO', disconnection: '' }, NOW);
		expect(iptv.availableDateTime).toBe('');
		expect(iptv.orderableNow).toBe(false);
		expect(normaliseService({ service: 'BB', connection: 'YES', available: 'YES', disconnection: '' }, NOW).connectionDateTime).toBe(
			UNKNOWN_PAST,
		);
	});

	it('leaves 2.5+ dateTimes alone and tolerates a date in a dateTime field', () => {
		const service = normaliseService(
			{ service: 'BB', connectionDateTime: '2014-03-01T14:09:23Z', availableDateTime: '2014-03-01', disconnectionDateTime: '' },
			NOW,
		);
		expect(service.connectionDateTime).toBe('2014-03-01T14:09:23Z');
		expect(service.availableDateTime).toBe('2014-03-01T00:00:00Z');
	});

	it('computes orderableNow from availability and disconnection', () => {
		expect(isOrderableNow({ availableDateTime: '2026-02-01T00:00:00Z', disconnectionDateTime: '' }, NOW)).toBe(true);
		expect(isOrderableNow({ availableDateTime: '3030-12-12T14:09:23Z', disconnectionDateTime: '' }, NOW)).toBe(false);
		expect(isOrderableNow({ availableDateTime: '', disconnectionDateTime: '' }, NOW)).toBe(false);
		expect(isOrderableNow({ availableDateTime: '2013-10-12T14:09:23Z', disconnectionDateTime: '2018-12-31T14:09:23Z' }, NOW)).toBe(false);
		expect(isOrderableNow({ availableDateTime: '2013-10-12T14:09:23Z', disconnectionDateTime: '2027-01-01T00:00:00Z' }, NOW)).toBe(true);
	});
});

describe('subscription flattening', () => {
	const sub = (id: string, extra = {}) => ({ subscriptionId: id, service: 'BB-100-100', operationalState: 'ACTIVATED', ...extra });

	it('flattens 2.6 groups and adds the accessId', () => {
		const flat = flattenSubscriptions([
			{ accessId: 'A1', subscriptions: [sub('S1')] },
			{ accessId: 'A2', subscriptions: [sub('S2', { characteristics: { ipAddress: ['1.2.3.4'] } })] },
		]);
		expect(flat.map((entry) => [entry.accessId, entry.subscriptionId])).toEqual([
			['A1', 'S1'],
			['A2', 'S2'],
		]);
		expect(flat[1].characteristics).toEqual({ ipAddresses: ['1.2.3.4'] });
	});

	it('keeps a 2.4 flat list and fills a missing accessId from the context', () => {
		expect(flattenSubscriptions([sub('S1', { accessId: 'A1' })])[0].accessId).toBe('A1');
		expect(flattenSubscriptions({ accessId: 'A9', subscriptions: [sub('S9')] })[0].accessId).toBe('A9');
		expect(flattenSubscriptions([sub('S3')], 'A3')[0].accessId).toBe('A3');
	});
});

describe('access normalisation', () => {
	it('normalises nested services and subscriptions in place', () => {
		const raw = {
			accessId: 'A1',
			services: [{ service: 'BB-100-100', connection: '2013-10-12', available: 'YES', disconnection: '' }],
			subscriptions: [sub24()],
		};
		const access = normaliseAccess(raw, NOW);
		expect(access).toBe(raw);
		expect(access.services).toEqual([
			{
				service: 'BB-100-100',
				connectionDateTime: '2013-10-12T00:00:00Z',
				availableDateTime: UNKNOWN_PAST,
				disconnectionDateTime: '',
				orderableNow: true,
			},
		]);
		expect((access.subscriptions as Array<{ accessId: string }>)[0].accessId).toBe('A1');
	});

	function sub24() {
		return { subscriptionId: 'S1', service: 'BB-100-100', operationalState: 'ACTIVATED' };
	}
});
