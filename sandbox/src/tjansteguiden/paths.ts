/** Where the two faces of Tjänsteguiden answer. */

/** The service provider's Orders 1.0 endpoint. */
export const TJANSTEGUIDEN_PATH = '/plain/serviceguide_log';
/** The network operator's API on its own Atlas site (spec §2). */
export const OPERATOR_PATH = '/admin/edit/services/plain/orders';

export function isServiceProviderPath(path: string): boolean {
	return path === TJANSTEGUIDEN_PATH || path === `${TJANSTEGUIDEN_PATH}/`;
}

export function isOperatorPath(path: string): boolean {
	return path === OPERATOR_PATH || path === `${OPERATOR_PATH}/`;
}
