import type { IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { Envelope } from './envelope';

export type TjansteguidenContext = IExecuteFunctions | IPollFunctions;

/** The Orders 1.0 methods; both faces of Tjänsteguiden answer all of them. */
export type ApiMethod =
	| 'orders'
	| 'order_info'
	| 'order_log'
	| 'customer_info'
	| 'customers'
	| 'set_status'
	| 'add_message';

/**
 * One face of the Tjänsteguiden API (service provider or network operator). A transport owns
 * everything that differs between the two: endpoint, authentication, envelope quirks and error
 * wording. It always resolves to the same Envelope, and fails with a NodeApiError free of secrets.
 */
export interface TjansteguidenTransport {
	call(context: TjansteguidenContext, method: ApiMethod, params: IDataObject, itemIndex: number): Promise<Envelope>;
}
