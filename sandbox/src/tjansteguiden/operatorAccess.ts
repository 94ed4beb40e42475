/**
 * Who may use the operator API: the spec says it "requires an authenticated user id and IP address",
 * set up under "API Credentials" in the operator's admin (spec §2). There is no login and no key.
 *
 * A refusal is an error envelope whose message starts with "Access denied". No refusal text is
 * documented; this wording is our assumption, and the node recognises it (with HTTP 401/403) as an
 * access problem rather than as an ordinary API error.
 */
import { normaliseAddress } from './config';
import type { TgConfig, TgOperatorUser } from './model';
import { MethodFailure } from './params';

export const ACCESS_DENIED = 'Access denied';

export function authoriseOperator(params: URLSearchParams, remoteAddress: string, config: TgConfig): TgOperatorUser {
	const apiUser = (params.get('api_user') ?? '').trim();
	if (apiUser === '') throw new MethodFailure(`${ACCESS_DENIED}: missing api_user`);
	const user = config.operatorUsers.find((candidate) => candidate.apiUser === apiUser);
	if (user === undefined) throw new MethodFailure(`${ACCESS_DENIED}: unknown API user`);
	const address = normaliseAddress(remoteAddress);
	if (!user.allowedAddresses.includes('*') && !user.allowedAddresses.includes(address)) {
		throw new MethodFailure(`${ACCESS_DENIED}: IP address ${address} is not allowed for this API user`);
	}
	return user;
}
