/**
 * The demo world on the Tjänsteguiden side (see the project brief): a few orders per operator,
 * each showing one path of the order flow, plus optional orders that arrive while a demo runs.
 * Dates are relative to the sandbox clock at seeding time, so `orders` for today finds them.
 */
import { createOrder, type CustomerInput, type OrderInput } from '../tjansteguiden/orderInput';
import type { TgOrder } from '../tjansteguiden/model';
import type { TjansteguidenWorld } from '../tjansteguiden/worldTypes';
import { FAILING_ACCESS_ID, FIBNORR, fibnorrAccess, SNDEMO, sndemoAccess, TAKEN_ACCESS_ID } from './world';

export interface DemoSeedOptions {
	/** Orders that appear one by one after seeding (default 15; 0 = none). */
	arrivals?: number;
	/** Time between arrivals (default 20 000 ms, varied by up to ±15 % so it does not look mechanical). */
	arrivalIntervalMs?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Who direct-activated the delivered demo order, as its log shows it. */
const DIRECT_ACTIVATION_USER = `${SNDEMO.name} (direktaktivering)`;

export function seedDemoWorld(world: TjansteguidenWorld, options: DemoSeedOptions = {}): void {
	const { nowMs } = world;
	const ago = (ms: number) => nowMs - ms;
	const orders: DemoOrder[] = [];
	const add = (hoursAgo: number, socket: string, service: string, customer?: CustomerInput, extra: Partial<DemoOrder> = {}) =>
		orders.push({ date: ago(hoursAgo * HOUR_MS), socket, service, ...(customer === undefined ? {} : { customer }), ...extra });
	const norrby = { city: FIBNORR.city };

	// Demostad Stadsnät (SNDEMO)
	add(50, sndemoAccess(1), 'BB100100', { firstname: 'Anna', surname: 'Andersson', address: 'Storgatan 4', zip: '12310', premise: '1101' });
	add(30, sndemoAccess(2), 'BB250250', { firstname: 'Erik', surname: 'Lindström', address: 'Kyrkvägen 12', zip: '12320', premise: '1203' }, {
		delivery: nowMs + 7 * DAY_MS,
	});
	// Direct-activated by the city network: already delivered when the service provider first sees it.
	add(26, sndemoAccess(3), 'BB10001000', { firstname: 'Märta', surname: 'Åberg', address: 'Skolgatan 7', zip: '12330', premise: '1001' }, {
		status: 'delivered',
		log: [{ type: 'system', message: 'Status changed to delivered', user: DIRECT_ACTIVATION_USER, date: ago(26 * HOUR_MS - 60_000) }],
	});
	// One customer, two services: broadband plus TV, which has no ON-API mapping.
	add(6, sndemoAccess(5), 'BB100100', { firstname: 'Gustav', surname: 'Öberg', address: 'Ängsvägen 3', zip: '12340', premise: '1102' });
	add(6, sndemoAccess(5), 'TVBAS', undefined, { sameCustomerAsPrevious: true });
	// The access already has BB-100-100 active for another provider: activation conflicts.
	add(3, TAKEN_ACCESS_ID, 'BB100100', { firstname: 'Sofia', surname: 'Bäckström', address: 'Sjöviksgatan 21', zip: '12350', premise: '1304' });

	// Norrby Fibernät (FIBNORR)
	add(48, fibnorrAccess(1), 'BB250250', { firstname: 'Lars', surname: 'Sjögren', address: 'Älvgatan 9', zip: '98720', premise: '1001', ...norrby });
	const message = 'Ring gärna innan ni kommer – porttelefonen är trasig.';
	add(20, fibnorrAccess(2), 'BB100100', { firstname: 'Åke', surname: 'Nilsson', address: 'Fjällstigen 2', zip: '98730', premise: '1002', message, ...norrby }, {
		message,
	});
	add(5 * 24, fibnorrAccess(4), 'BB10001000', { firstname: 'Karin', surname: 'Eriksson', address: 'Tallbacken 15', zip: '98740', premise: '1003', ...norrby }, {
		status: 'cancelled',
		log: [{ type: 'system', message: 'Status changed to cancelled', user: 'Kundtjänst Tjänsteguiden', date: ago(4 * DAY_MS) }],
	});
	// The operator fails this one: the fibre is not spliced.
	add(2, FAILING_ACCESS_ID, 'BB10001000', { firstname: 'Örjan', surname: 'Persson', address: 'Gruvgatan 8', zip: '98750', premise: '1004', ...norrby });

	// Tjänsteguiden numbers orders as they come in, so create them oldest first.
	let previous: TgOrder | undefined;
	for (const { sameCustomerAsPrevious, ...input } of orders.sort((a, b) => Number(a.date) - Number(b.date))) {
		if (sameCustomerAsPrevious === true && previous !== undefined) input.customerId = previous.customerId;
		previous = createOrder(world.state, world.config, input, nowMs);
	}
	for (const input of demoArrivals(nowMs, options)) createOrder(world.state, world.config, input, nowMs);
}

/** Demo order input; dates are epoch ms so the list can be sorted. */
type DemoOrder = OrderInput & { date: number; sameCustomerAsPrevious?: boolean };

/**
 * Orders with creation times in the near future: they "arrive" as the sandbox clock passes them.
 * The TL flow only handles orders that arrive after it starts, so the first arrivals walk every
 * path of the templates: a normal activation per operator, a direct-activated order, one the
 * operator fails, one on a port another provider holds, a product with no ON-API mapping, and one
 * the customer wants in three days (the life-cycle template orders it for that day, so it stays
 * `active`). `npm run demo` schedules them itself once the workflow has polled (see scripts/demo.ts).
 */
export function demoArrivals(nowMs: number, options: DemoSeedOptions = {}): OrderInput[] {
	const count = options.arrivals ?? 15;
	const intervalMs = options.arrivalIntervalMs ?? 20_000;
	const services = ['BB100100', 'BB250250', 'BB10001000', 'BB100100', 'BB250250'];
	const showcase: Record<number, Partial<OrderInput>> = {
		3: { socket: sndemoAccess(24), service: 'BB10001000', status: 'delivered' },
		4: { socket: FAILING_ACCESS_ID, service: 'BB100100' },
		6: { socket: TAKEN_ACCESS_ID, service: 'BB100100' },
		8: { socket: sndemoAccess(25), service: 'TVBAS' },
		9: { delivery: nowMs + 3 * DAY_MS },
	};
	const arrivals: OrderInput[] = [];
	for (let k = 1; k <= count; k++) {
		const jitterMs = Math.round((((k * 7919) % 7) - 3) * (intervalMs / 20));
		const accessNumber = 14 + (Math.floor((k - 1) / 2) % 16);
		arrivals.push({
			date: nowMs + k * intervalMs + jitterMs,
			socket: k % 2 === 1 ? sndemoAccess(accessNumber) : fibnorrAccess(accessNumber),
			service: services[k % services.length],
			...(showcase[k] ?? {}),
		});
	}
	return arrivals;
}
