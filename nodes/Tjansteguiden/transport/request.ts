import type { IDataObject } from 'n8n-workflow';

import { apiSideOf, NETWORK_OPERATOR, SERVICE_PROVIDER, type ApiSide } from './apiSide';
import type { Envelope } from './envelope';
import { operatorTransport } from './operatorRequest';
import { serviceProviderTransport } from './serviceProviderRequest';
import type { ApiMethod, TjansteguidenContext, TjansteguidenTransport } from './types';

export type { ApiMethod, TjansteguidenContext } from './types';

const transports: Record<ApiSide, TjansteguidenTransport> = {
	[SERVICE_PROVIDER]: serviceProviderTransport,
	[NETWORK_OPERATOR]: operatorTransport,
};

/**
 * Calls one Orders 1.0 method on the side of Tjänsteguiden the node's authentication chose, and
 * returns its envelope. Operations and the trigger call only this: they never know which side
 * answered. Every failure is a NodeApiError with the API's own message and no secrets in it.
 */
export async function callTjansteguiden(
	context: TjansteguidenContext,
	method: ApiMethod,
	params: IDataObject,
	itemIndex = 0,
): Promise<Envelope> {
	return await transports[apiSideOf(context)].call(context, method, params, itemIndex);
}
