import type { IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { Envelope } from './envelope';
import type { ApiMethod } from './methods';

export type TjansteguidenContext = IExecuteFunctions | IPollFunctions;

/**
 * One face of the Tjänsteguiden API (service provider or network operator). A side owns
 * everything that differs between the two: endpoint, authentication, envelope quirks and error
 * wording. It always resolves to the same Envelope, and fails with a NodeApiError free of secrets.
 */
export interface ApiSideStrategy {
	call(context: TjansteguidenContext, method: ApiMethod, params: IDataObject, itemIndex: number): Promise<Envelope>;
}
