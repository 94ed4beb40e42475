/**
 * The demo world on the Tjänsteguiden side (see the project brief): a few orders per operator,
 * each showing one path of the order flow, plus optional orders that arrive while a demo runs.
 * Dates are relative to the sandbox clock at seeding time, so `orders` for today finds them.
 */
import { fibnorrAccess, sndemoAccess } from './tjansteguiden/demoAccesses';
import { createOrder, type OrderInput } from './tjansteguiden/orderInput';
import type { TgOrder } from './tjansteguiden/model';
import type { TjansteguidenWorld } from './tjansteguiden/simulator';

export interface DemoSeedOptions {
	/** Orders that appear one by one after seeding (default 15; 0 = none). */
	arrivals?: number;
	/** Time between arrivals (default 20 000 ms, varied by up to ±15 % so it does not look mechanical). */
	arrivalIntervalMs?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Who direct-activated the delivered demo order, as its log shows it. */
const DIRECT_ACTIVATION_USER = 'Demostad Stadsnät (direktaktivering)';

export function seedDemoWorld(world: TjansteguidenWorld, options: DemoSeedOptions = {}): void {
	const { nowMs } = world;
	const ago = (ms: number) => nowMs - ms;
	const orders: DemoOrder[] = [];
	const add = (order: DemoOrder) => orders.push(order);

	// Demostad Stadsnät (SNDEMO)
	add({
		date: ago(50 * HOUR_MS),
		socket: sndemoAccess(1),
		service: 'BB100100',
		customer: { firstname: 'Anna', surname: 'Andersson', address: 'Storgatan 4', zip: '12310', premise: '1101' },
	});
	add({
		date: ago(30 * HOUR_MS),
		socket: sndemoAccess(2),
		service: 'BB250250',
		delivery: nowMs + 7 * DAY_MS,
		customer: { firstname: 'Erik', surname: 'Lindström', address: 'Kyrkvägen 12', zip: '12320', premise: '1203' },
	});
	add({
		// Direct-activated by the city network: already delivered when the service provider first sees it.
		date: ago(26 * HOUR_MS),
		socket: sndemoAccess(3),
		service: 'BB10001000',
		status: 'delivered',
		customer: { firstname: 'Märta', surname: 'Åberg', address: 'Skolgatan 7', zip: '12330', premise: '1001' },
		log: [{ type: 'system', message: 'Status changed to delivered', user: DIRECT_ACTIVATION_USER, date: ago(26 * HOUR_MS - 60_000) }],
	});
	// One customer, two services: broadband plus TV, which has no ON-API mapping.
	add({
		date: ago(6 * HOUR_MS),
		socket: sndemoAccess(5),
		service: 'BB100100',
		customer: { firstname: 'Gustav', surname: 'Öberg', address: 'Ängsvägen 3', zip: '12340', premise: '1102' },
	});
	add({ date: ago(6 * HOUR_MS), socket: sndemoAccess(5), service: 'TVBAS', sameCustomerAsPrevious: true });
	add({
		// The access already has BB-100-100 active for another provider: activation conflicts.
		date: ago(3 * HOUR_MS),
		socket: sndemoAccess(13),
		service: 'BB100100',
		customer: { firstname: 'Sofia', surname: 'Bäckström', address: 'Sjöviksgatan 21', zip: '12350', premise: '1304' },
	});

	// Norrby Fibernät (FIBNORR)
	add({
		date: ago(48 * HOUR_MS),
		socket: fibnorrAccess(1),
		service: 'BB250250',
		customer: { firstname: 'Lars', surname: 'Sjögren', address: 'Älvgatan 9', zip: '98720', city: 'Norrby', premise: '1001' },
	});
	const message = 'Ring gärna innan ni kommer – porttelefonen är trasig.';
	add({
		date: ago(20 * HOUR_MS),
		socket: fibnorrAccess(2),
		service: 'BB100100',
		message,
		customer: { firstname: 'Åke', surname: 'Nilsson', address: 'Fjällstigen 2', zip: '98730', city: 'Norrby', premise: '1002', message },
	});
	add({
		date: ago(5 * DAY_MS),
		socket: fibnorrAccess(4),
		service: 'BB10001000',
		status: 'cancelled',
		customer: { firstname: 'Karin', surname: 'Eriksson', address: 'Tallbacken 15', zip: '98740', city: 'Norrby', premise: '1003' },
		log: [{ type: 'system', message: 'Status changed to cancelled', user: 'Kundtjänst Tjänsteguiden', date: ago(4 * DAY_MS) }],
	});
	add({
		// The operator fails this one: the fibre is not spliced.
		date: ago(2 * HOUR_MS),
		socket: fibnorrAccess(13),
		service: 'BB10001000',
		customer: { firstname: 'Örjan', surname: 'Persson', address: 'Gruvgatan 8', zip: '98750', city: 'Norrby', premise: '1004' },
	});

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
 * path of the template: a normal activation per operator, a direct-activated order, one the
 * operator fails, one on a port another provider holds, and a product with no ON-API mapping.
 * `npm run demo` schedules them itself once the workflow has polled (see scripts/demo.ts).
 */
export function demoArrivals(nowMs: number, options: DemoSeedOptions = {}): OrderInput[] {
	const count = options.arrivals ?? 15;
	const intervalMs = options.arrivalIntervalMs ?? 20_000;
	const services = ['BB100100', 'BB250250', 'BB10001000', 'BB100100', 'BB250250'];
	const showcase: Record<number, Partial<OrderInput>> = {
		3: { socket: sndemoAccess(24), service: 'BB10001000', status: 'delivered' },
		4: { socket: fibnorrAccess(13), service: 'BB100100' },
		6: { socket: sndemoAccess(13), service: 'BB100100' },
		8: { socket: sndemoAccess(25), service: 'TVBAS' },
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
