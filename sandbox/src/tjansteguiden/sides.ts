/**
 * The two faces of Tjänsteguiden as `CallerSide`s of the one method table (methods.ts).
 *
 * Service provider (Orders 1.0, spec §3–§5): `api_login` gives a hash that every other call carries;
 * it sees every order of its own (the sandbox has one xsp) and reads in the documented envelopes,
 * with the listing and customer_info variants the configuration selects.
 *
 * Network operator (spec §2): no login and no key; `api_user` plus an allow-list of client
 * addresses. It sees only the orders on its own network and the customers behind them. Envelopes
 * follow the spec's CO examples: listings under `<serviceguide><response>` without `<status>`
 * (§5.1), customer_info without any wrapper (§5.4), set_status as in S9 (§5.6). The undocumented
 * ones (order_info, order_log, customers, add_message) are our assumption, by analogy: reads like
 * `orders`, writes like `set_status`.
 */
import { normaliseAddress } from './config';
import { failure, serviceguide, success, unwrapped, type TgReply } from './envelope';
import type { CallerSide, TgCall } from './methods';
import type { IssuedHash, TgCustomer, TgOperatorUser, TgOrder } from './model';
import { MethodFailure, required } from './params';
import { element } from './xml';

export const LOGIN_METHOD = 'api_login';
export const INVALID_HASH_MESSAGE = 'Invalid or expired hash';
/**
 * A refused operator call is an error envelope whose message starts with this. No refusal text is
 * documented; the wording is our assumption, and the node recognises it (with HTTP 401/403) as an
 * access problem rather than as an ordinary API error.
 */
export const ACCESS_DENIED = 'Access denied';

/** The session behind the call's hash, when the hash is currently valid. */
export function sessionOf(call: Pick<TgCall, 'params' | 'nowMs' | 'state'>): IssuedHash | undefined {
	const hash = call.params.get('hash');
	return hash === null || hash === '' ? undefined : call.state.validHash(hash, call.nowMs);
}

function login(call: TgCall): TgReply {
	const apiUser = required(call.params, 'api_user');
	const apiKey = required(call.params, 'api_key');
	const user = call.config.users.find((candidate) => candidate.apiUser === apiUser && candidate.apiKey === apiKey);
	if (user === undefined) return failure(call.method, 'Login failed: unknown api_user or wrong api_key');
	const issued = call.state.issueHash(user.apiUser, call.nowMs, call.config.hashLifetimeMs);
	return success(call.method, [element('message', `${user.name} logged in`), element('hash_key', issued.hash)]);
}

export const serviceProviderSide: CallerSide<IssuedHash> = {
	open: { [LOGIN_METHOD]: login },
	authenticatesFirst: false,
	authenticate(call) {
		required(call.params, 'hash');
		const session = sessionOf(call);
		if (session === undefined) throw new MethodFailure(INVALID_HASH_MESSAGE);
		return session;
	},
	orders: (call, _session, fromMs) => call.state.ordersCreatedBetween(fromMs, call.nowMs),
	seesOrder: () => true,
	seesCustomer: () => true,
	readReply(call, method, payload) {
		if (method === 'orders' && call.config.ordersEnvelope === 'serviceguide') return serviceguide(payload);
		if (method === 'customer_info' && call.config.customerInfoEnvelope === 'bare') return unwrapped(call.method, payload);
		return success(call.method, payload);
	},
	authorName: (call, session) => call.config.users.find((user) => user.apiUser === session.apiUser)?.name ?? `API user ${session.apiUser}`,
};

/** Who may use the operator API: a user set up under "API Credentials" in the operator's admin, from an allowed address. */
function authoriseOperator(call: TgCall): TgOperatorUser {
	const apiUser = (call.params.get('api_user') ?? '').trim();
	if (apiUser === '') throw new MethodFailure(`${ACCESS_DENIED}: missing api_user`);
	const user = call.config.operatorUsers.find((candidate) => candidate.apiUser === apiUser);
	if (user === undefined) throw new MethodFailure(`${ACCESS_DENIED}: unknown API user`);
	const address = normaliseAddress(call.remoteAddress);
	if (!user.allowedAddresses.includes('*') && !user.allowedAddresses.includes(address)) {
		throw new MethodFailure(`${ACCESS_DENIED}: IP address ${address} is not allowed for this API user`);
	}
	return user;
}

/** A customer on the operator's network (by accessId) or with an order there. */
function isOperatorsCustomer(call: TgCall, user: TgOperatorUser, customer: TgCustomer): boolean {
	const operator = call.config.operators.find((candidate) => candidate.coId === user.coId);
	if (operator !== undefined && customer.socket.startsWith(operator.socketPrefix)) return true;
	return call.state.customerHasOrderWith(customer.id, user.coId);
}

export const operatorSide: CallerSide<TgOperatorUser> = {
	open: {},
	// A refused caller learns nothing about the methods.
	authenticatesFirst: true,
	authenticate: authoriseOperator,
	orders: (call, user, fromMs) => call.state.ordersCreatedBetween(fromMs, call.nowMs).filter((order: TgOrder) => order.coId === user.coId),
	seesOrder: (_call, user, order) => order.coId === user.coId,
	seesCustomer: isOperatorsCustomer,
	readReply: (call, method, payload) => (method === 'customer_info' ? unwrapped(call.method, payload) : serviceguide(payload)),
	authorName: (_call, user) => user.name,
};
