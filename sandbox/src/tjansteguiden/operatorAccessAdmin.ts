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
import type { LiveTjansteguidenWorld } from './worldTypes';

export function operatorAccessRoute(world: LiveTjansteguidenWorld, request: SandboxRequest): SandboxResponse | undefined {
	if (request.method === 'GET') return jsonResponse(200, world.config.operatorUsers);
	if (request.method !== 'POST') return undefined;
	const body = readJsonObject(request);
	if (body.apiUser === undefined || String(body.apiUser).trim() === '') throw new AdminError('apiUser is required');
	const apiUser = String(body.apiUser).trim();
	const existing = world.config.operatorUsers.find((user) => user.apiUser === apiUser);
	const changed: TgOperatorUser = existing
		? {
				...existing,
				...(body.coId === undefined ? {} : { coId: String(body.coId) }),
				...(body.name === undefined ? {} : { name: String(body.name) }),
				...(body.allowedAddresses === undefined ? {} : { allowedAddresses: parseAddresses(body.allowedAddresses) }),
			}
		: parseOperatorUser({ ...body, apiUser });
	if (!world.config.operators.some((operator) => operator.coId === changed.coId)) {
		throw new AdminError(`Unknown co: ${changed.coId}`);
	}
	const users = existing
		? world.config.operatorUsers.map((user) => (user === existing ? changed : user))
		: [...world.config.operatorUsers, changed];
	world.updateConfig({ operatorUsers: users });
	return jsonResponse(200, world.config.operatorUsers);
}
