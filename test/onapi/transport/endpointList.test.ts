import { parseEndpointList, pickEndpoint } from '../../../nodes/OnApi/transport/endpointList';

/** The 2.4 spec's own example: a singular `order` next to a legacy 2.3.1 one on another server. */
const SPEC_EXAMPLE = [
	{ name: 'accesses', endpoint: '/onapi/2.4/accesses/', version: '2.4', documentation: 'https://example.com/accesses.md' },
	{
		name: 'order',
		endpoint: '/onapi/2.4/order/',
		version: '2.4',
		documentation: 'https://example.com/orders.md',
		note: 'Only supports direct activation, no scheduled orders',
		unsupportedFields: ['requestedDateTime'],
	},
	{ name: 'order', documentation: 'https://example.com/2.3.1.md', endpoint: 'https://example.com/onapi/2.4/opapi/2.3/order/', version: '2.3.1' },
];

describe('endpoint discovery', () => {
	it('keeps well-formed entries only', () => {
		const parsed = parseEndpointList([...SPEC_EXAMPLE, { name: 'broken' }, 'nonsense', null]);
		expect(parsed).toHaveLength(3);
		expect(parsed[1]).toEqual({
			name: 'order',
			endpoint: '/onapi/2.4/order/',
			version: '2.4',
			note: 'Only supports direct activation, no scheduled orders',
			unsupportedFields: ['requestedDateTime'],
		});
		expect(parseEndpointList({ not: 'a list' })).toEqual([]);
	});

	it('prefers the operator\'s path for orders in the version spoken, skipping legacy entries', () => {
		const entry = pickEndpoint(parseEndpointList(SPEC_EXAMPLE), 'orders', '2.4');
		expect(entry?.endpoint).toBe('/onapi/2.4/order/');
		expect(entry?.unsupportedFields).toEqual(['requestedDateTime']);
	});

	it('prefers the spec name when both spellings are listed', () => {
		const list = parseEndpointList([
			{ name: 'order', endpoint: '/a/order/', version: '2.6' },
			{ name: 'orders', endpoint: '/a/orders/', version: '2.6' },
		]);
		expect(pickEndpoint(list, 'orders', '2.6')?.endpoint).toBe('/a/orders/');
	});

	it('finds nothing for endpoints the operator does not list or lists for another version', () => {
		const list = parseEndpointList(SPEC_EXAMPLE);
		expect(pickEndpoint(list, 'subscriptions', '2.4')).toBeUndefined();
		expect(pickEndpoint(list, 'accesses', '2.6')).toBeUndefined();
	});

	it('matches names case- and punctuation-insensitively', () => {
		const list = parseEndpointList([{ name: 'Order_Events', endpoint: 'orderevents/', version: '2.5.0' }]);
		expect(pickEndpoint(list, 'orderevents', '2.5')?.endpoint).toBe('orderevents/');
	});
});
