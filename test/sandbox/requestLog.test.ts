import { DEMO_API_USER } from '../../sandbox/src';
import { RequestLog } from '../../sandbox/src/requestLog';

function arrive(log: RequestLog, operation: string, login = false, query = new URLSearchParams({ method: operation })) {
	return log.begin({
		time: new Date('2025-06-10T10:00:00Z'),
		simulator: 'tjansteguiden',
		httpMethod: 'GET',
		path: '/plain/serviceguide_log',
		query,
		operation,
		login,
	});
}

describe('RequestLog', () => {
	it('keeps only the newest entries but counts every request', () => {
		const log = new RequestLog(5);
		for (let i = 0; i < 12; i++) log.finish(arrive(log, 'orders'), 200, 1);

		const page = log.query();

		expect(page).toMatchObject({ received: 12, capacity: 5, oldestSeq: 8 });
		expect(page.entries.map((entry) => entry.seq)).toEqual([8, 9, 10, 11, 12]);
		expect(log.counters().bySimulator.tjansteguiden).toMatchObject({ total: 12, calls: 12, byStatus: { '200': 12 } });
	});

	it('handles 100 000 requests with a bounded buffer', () => {
		const log = new RequestLog(1000);
		for (let i = 0; i < 100_000; i++) {
			const login = i % 100 === 0;
			log.finish(arrive(log, login ? 'api_login' : 'orders', login), 200, 0, 'success');
		}

		const counters = log.counters();

		expect(counters.total).toBe(100_000);
		expect(counters.bySimulator.tjansteguiden).toMatchObject({ logins: 1000, calls: 99_000, byOperation: { api_login: 1000, orders: 99_000 } });
		expect(log.query({ limit: 5000 }).entries).toHaveLength(1000);
	});

	it('redacts secret query parameters and keeps repeated ones', () => {
		const log = new RequestLog();
		arrive(log, 'api_login', true, new URLSearchParams(`method=api_login&api_user=${DEMO_API_USER}&api_key=s3cret&foo[]=a&foo[]=b`));

		const [entry] = log.query().entries;

		expect(entry?.query).toEqual({ method: 'api_login', api_user: DEMO_API_USER, api_key: '[redacted]', 'foo[]': ['a', 'b'] });
		expect(entry?.apiMethod).toBe('api_login');
	});

	it('caps the number of distinct counter keys', () => {
		const log = new RequestLog(10);
		for (let i = 0; i < 600; i++) arrive(log, `GET /accesses/${i}`);

		const byOperation = log.counters().bySimulator.tjansteguiden?.byOperation ?? {};

		expect(Object.keys(byOperation)).toHaveLength(501);
		expect(byOperation['(other)']).toBe(100);
	});

	it('does not count a request finishing after a reset', () => {
		const log = new RequestLog();
		const inFlight = arrive(log, 'orders');
		log.reset();

		log.finish(inFlight, 200, 5);

		expect(log.counters()).toEqual({ total: 0, bySimulator: {} });
	});

	it('refuses a since that is neither a sequence number nor a date', () => {
		expect(() => new RequestLog().query({ since: 'yesterday' })).toThrow(RangeError);
	});
});
