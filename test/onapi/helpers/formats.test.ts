import {
	isIpAddress,
	normaliseMacAddress,
	normaliseOnApiId,
	toHttpDate,
	toUtcDateTime,
} from '../../../nodes/OnApi/helpers/formats';

describe('ON-API ID format', () => {
	it.each(['12345', 'ADA134312', '79bd7c5132cd40ea8470f91e18484962', '58128a38-8df0-11e9-b683-526af7764f64', 'SNDEMO-A0001', 'a.b'])(
		'accepts %s',
		(id) => expect(normaliseOnApiId(id)).toBe(id),
	);

	it.each(['.', '..', '...', '', 'has space', 'under_score', 'x'.repeat(37), 'åäö', 'a/b', '19121212-1212 ok?'])('rejects %p', (id) => {
		expect(normaliseOnApiId(id)).toBeUndefined();
	});

	it('trims surrounding whitespace and accepts numbers from expressions', () => {
		expect(normaliseOnApiId('  SNDEMO-A0001 ')).toBe('SNDEMO-A0001');
		expect(normaliseOnApiId(12345)).toBe('12345');
		expect(normaliseOnApiId({})).toBeUndefined();
	});
});

describe('MAC address format', () => {
	it.each([
		['keeps the spec form in capitals', 'aa:bb:cc:11:22:33'],
		['accepts hyphens, sending the colon form', 'aa-bb-cc-11-22-33'],
		['accepts bare hex, sending the colon form', 'aabbcc112233'],
	])('%s: %s', (_, mac) => {
		expect(normaliseMacAddress(mac)).toBe('AA:BB:CC:11:22:33');
	});

	it.each(['AA:BB:CC:11:22', 'AA:BB:CC:11:22:3G', 'AA:BB-CC:11:22:33', 'AABBCC11223', '', 42])('rejects %p', (mac) => {
		expect(normaliseMacAddress(mac)).toBeUndefined();
	});
});

describe('UTC dateTime', () => {
	it.each([
		['keeps UTC values', '2026-03-01T08:00:00Z', 'Europe/Stockholm', '2026-03-01T08:00:00Z'],
		['converts an offset to UTC', '2026-03-01T09:00:00+01:00', 'UTC', '2026-03-01T08:00:00Z'],
		['reads a value without offset in the workflow time zone (summer)', '2026-07-01T10:00:00', 'Europe/Stockholm', '2026-07-01T08:00:00Z'],
		['reads a value without offset in the workflow time zone (winter)', '2026-01-15T10:00:00', 'Europe/Stockholm', '2026-01-15T09:00:00Z'],
		['keeps milliseconds when present', '2026-03-01T08:00:00.250Z', 'UTC', '2026-03-01T08:00:00.250Z'],
	])('%s: %s in %s is %s', (_, value, timezone, expected) => {
		expect(toUtcDateTime(value, timezone)).toBe(expected);
	});

	it.each(['tomorrow', '2026-03-01', '2026-13-01T00:00:00Z', '', 5])('rejects %p', (value) => {
		expect(toUtcDateTime(value, 'UTC')).toBeUndefined();
	});
});

describe('HTTP date for If-Modified-Since', () => {
	it.each([
		['passes an HTTP date through', 'Mon, 04 Feb 2019 18:22:33 GMT'],
		['turns an ISO date-time into an HTTP date', '2019-02-04T19:22:33+01:00'],
	])('%s: %s', (_, value) => {
		expect(toHttpDate(value, 'UTC')).toBe('Mon, 04 Feb 2019 18:22:33 GMT');
	});

	it('rejects anything else', () => {
		expect(toHttpDate('last week', 'UTC')).toBeUndefined();
	});
});

describe('IP address format', () => {
	it.each(['192.168.0.0/24', '192.168.10.5', '::ffff:c0a8:0/24', '2001:2::/48', '1.2.3.4', 'AB::01/64', '::1', '2001:db8:0:0:0:0:2:1'])(
		'accepts %s',
		(ip) => expect(isIpAddress(ip)).toBe(true),
	);

	it.each(['256.1.1.1', '1.2.3', '1.2.3.4/33', '2001:db8::1::2', 'gggg::1', '1.2.3.4/', 'localhost', '2001:db8:0:0:0:0:2:1:5'])(
		'rejects %s',
		(ip) => expect(isIpAddress(ip)).toBe(false),
	);
});
