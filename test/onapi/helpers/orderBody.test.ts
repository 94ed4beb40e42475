import { buildOrderBody, buildOrderPatch, type OrderInput } from '../../../nodes/OnApi/helpers/orderBody';

const TZ = 'Europe/Stockholm';

describe('order body: required fields per operation and version', () => {
	it('builds a minimal 2.6 activation', () => {
		const { body, problems } = buildOrderBody('ACTIVATE', '2.6', { accessId: 'SNDEMO-A0001', service: 'BB-100-100' }, TZ);
		expect(problems).toEqual([]);
		expect(body).toEqual({ operation: 'ACTIVATE', accessId: 'SNDEMO-A0001', service: 'BB-100-100' });
	});

	it('requires spReference for ACTIVATE in 2.4 only', () => {
		const input = { accessId: 'FIBNORR-1001', service: 'BB-100-100' };
		expect(buildOrderBody('ACTIVATE', '2.4', input, TZ).problems.map((p) => p.field)).toEqual(['spReference']);
		expect(buildOrderBody('ACTIVATE', '2.5', input, TZ).problems).toEqual([]);
	});

	it('requires subscriptionId for DEACTIVATE, SUSPEND, RESUME and MODIFY in every version', () => {
		for (const version of ['2.4', '2.5', '2.6'] as const) {
			for (const operation of ['DEACTIVATE', 'SUSPEND', 'RESUME', 'MODIFY'] as const) {
				expect(buildOrderBody(operation, version, {}, TZ).problems.map((p) => p.field)).toContain('subscriptionId');
			}
			expect(buildOrderBody('DEACTIVATE', version, { subscriptionId: 'S1' }, TZ).problems).toEqual([]);
		}
	});

	it('requires service for CHANGE', () => {
		const { problems } = buildOrderBody('CHANGE', '2.5', { subscriptionId: 'S1' }, TZ);
		expect(problems).toEqual([{ field: 'service', message: 'service is required for CHANGE in ON-API 2.5' }]);
	});

	it('refuses a MODIFY that changes nothing', () => {
		const { problems } = buildOrderBody('MODIFY', '2.6', { subscriptionId: 'S1' }, TZ);
		expect(problems).toHaveLength(1);
		expect(problems[0].message).toMatch(/MODIFY needs something to change/);
		expect(buildOrderBody('MODIFY', '2.6', { subscriptionId: 'S1', spReference: 'R1' }, TZ).problems).toEqual([]);
	});

	it('names a malformed ID once, not also as missing', () => {
		const { problems } = buildOrderBody('ACTIVATE', '2.6', { accessId: 'bad id!', service: 'BB-100-100' }, TZ);
		expect(problems).toHaveLength(1);
		expect(problems[0].field).toBe('accessId');
		expect(problems[0].message).toContain('bad id!');
	});
});

/** A 2.6 activation on access A1 with `fields` added: the field-format tests only vary those. */
function activationOnA1(fields: OrderInput, service = 'S') {
	return buildOrderBody('ACTIVATE', '2.6', { accessId: 'A1', service, ...fields }, TZ);
}

describe('order body: field formats', () => {
	it('converts requestedDateTime to UTC and rejects garbage', () => {
		const ok = activationOnA1({ requestedDateTime: '2026-07-01T10:00:00' });
		expect(ok.body.requestedDateTime).toBe('2026-07-01T08:00:00Z');
		const bad = activationOnA1({ requestedDateTime: 'soon' });
		expect(bad.problems.map((p) => p.field)).toEqual(['requestedDateTime']);
	});

	it('builds equipment with normalised MAC addresses and names the bad row', () => {
		const { body, problems } = activationOnA1(
			{ equipment: { device: [{ vendorId: 'ACME-IPTV', macAddress: 'aa:bb:cc:11:22:33' }, { macAddress: 'nope' }] } },
			'IPTV',
		);
		expect(body.equipment).toEqual([{ vendorId: 'ACME-IPTV', macAddress: 'AA:BB:CC:11:22:33' }, {}]);
		expect(problems.map((p) => p.field)).toEqual(['equipment[1].macAddress']);
	});

	it('types characteristics: fixedIp boolean, ipAddresses list, SLA text', () => {
		const { body, problems } = activationOnA1(
			{
				characteristics: {
					characteristic: [
						{ name: 'fixedIp', value: 'true' },
						{ name: 'ipAddresses', value: '1.2.3.4, 2001:2::/48' },
						{ name: 'SLA', value: 'SLA-3' },
					],
				},
			},
			'BB-1000-1000',
		);
		expect(problems).toEqual([]);
		expect(body.characteristics).toEqual({ fixedIp: true, ipAddresses: ['1.2.3.4', '2001:2::/48'], SLA: 'SLA-3' });
	});

	it('rejects bad characteristic values and duplicate names', () => {
		const { problems } = activationOnA1({
			characteristics: {
				characteristic: [
					{ name: 'fixedIp', value: 'yes' },
					{ name: 'ipAddress', value: '1.2.3.999' },
					{ name: 'SLA', value: 'a' },
					{ name: 'SLA', value: 'b' },
				],
			},
		});
		expect(problems.map((p) => p.field)).toEqual(['characteristics[0].value', 'characteristics[1].value', 'characteristics[3].name']);
	});

	it('sends forcedTakeover only with ACTIVATE', () => {
		expect(activationOnA1({ forcedTakeover: true }).body.forcedTakeover).toBe(true);
		expect(buildOrderBody('DEACTIVATE', '2.6', { subscriptionId: 'S1', forcedTakeover: true }, TZ).body).not.toHaveProperty('forcedTakeover');
	});

	it('refuses objects in text and ID fields, naming them without [object Object]', () => {
		const { body, problems } = buildOrderBody(
			'SUSPEND',
			'2.6',
			{ subscriptionId: 'S1', externalNote: { text: 'hej' }, spReference: { id: 1 }, requestedDateTime: { at: 'now' } },
			TZ,
		);
		expect(problems.map((p) => p.field)).toEqual(['spReference', 'requestedDateTime', 'externalNote']);
		expect(problems.map((p) => p.message).join(' ')).not.toContain('[object Object]');
		expect(problems[0].message).toContain('(got an object)');
		expect(body).not.toHaveProperty('externalNote');
	});

	it('limits text fields to 255 characters', () => {
		const { problems } = buildOrderBody('SUSPEND', '2.6', { subscriptionId: 'S1', externalNote: 'x'.repeat(256) }, TZ);
		expect(problems.map((p) => p.field)).toEqual(['externalNote']);
	});
});

describe('order patch', () => {
	it('contains only the changed fields', () => {
		const { body, problems } = buildOrderPatch({ requestedDateTime: '2019-02-06T00:00:00Z' }, TZ);
		expect(problems).toEqual([]);
		expect(body).toEqual({ requestedDateTime: '2019-02-06T00:00:00Z' });
	});

	it('refuses an empty update', () => {
		expect(buildOrderPatch({}, TZ).problems.map((p) => p.field)).toEqual(['updateFields']);
	});
});
