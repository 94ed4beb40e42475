/**
 * `/__admin/tjansteguiden/operator-access`: the operator API's users and their allowed client
 * addresses, what an operator sets up under "API Credentials" in its admin.
 *
 *   GET  → [{ apiUser, coId, name, allowedAddresses }]
 *   POST { apiUser, allowedAddresses, coId?, name? } → the list after the change. Changes a known
 *        user (coId and name optional) or adds a new one (coId required). Undone by reset.
 */
import { AdminError, jsonResponse, readJsonObject } from '../adminJson';
import type { SandboxRequest, SandboxResponse } from '../types';
import { parseAddresses, parseOperatorUser } from './config';
import type { TgOperatorUser } from './model';
import type { TjansteguidenSimulator } from './simulator';

export function operatorAccessRoute(simulator: TjansteguidenSimulator, request: SandboxRequest): SandboxResponse | undefined {
	if (request.method === 'GET') return jsonResponse(200, simulator.config.operatorUsers);
	if (request.method !== 'POST') return undefined;
	const body = readJsonObject(request);
	if (body.apiUser === undefined || String(body.apiUser).trim() === '') throw new AdminError('apiUser is required');
	const apiUser = String(body.apiUser).trim();
	const existing = simulator.config.operatorUsers.find((user) => user.apiUser === apiUser);
	const changed: TgOperatorUser = existing
		? {
				...existing,
				...(body.coId === undefined ? {} : { coId: String(body.coId) }),
				...(body.name === undefined ? {} : { name: String(body.name) }),
				...(body.allowedAddresses === undefined ? {} : { allowedAddresses: parseAddresses(body.allowedAddresses) }),
			}
		: parseOperatorUser({ ...body, apiUser });
	if (!simulator.config.operators.some((operator) => operator.coId === changed.coId)) {
		throw new AdminError(`Unknown co: ${changed.coId}`);
	}
	const users = existing
		? simulator.config.operatorUsers.map((user) => (user === existing ? changed : user))
		: [...simulator.config.operatorUsers, changed];
	simulator.updateConfig({ operatorUsers: users });
	return jsonResponse(200, simulator.config.operatorUsers);
}
