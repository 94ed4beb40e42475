/**
 * The Tjänsteguiden client an operation or the trigger is given: one call per Orders 1.0 method,
 * on the side of Tjänsteguiden the node's authentication chose. The client owns login and hash,
 * URLs, envelopes and normalising; callers never know which side answered. Every failure is a
 * NodeApiError with the API's own message and no secrets in it.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiSideOf, NETWORK_OPERATOR, SERVICE_PROVIDER, type ApiSide } from './apiSide';
import { toNodeApiError } from './httpExchange';
import { answerReaders, type ApiMethod, type MethodParams, type MethodResult } from './methods';
import { operatorSide } from './operatorSide';
import { serviceProviderSide } from './serviceProviderSide';
import type { ApiSideStrategy, TjansteguidenContext } from './types';

const sides: Record<ApiSide, ApiSideStrategy> = {
	[SERVICE_PROVIDER]: serviceProviderSide,
	[NETWORK_OPERATOR]: operatorSide,
};

/**
 * Other Atlas APIs cap answers at 100 rows, and Orders 1.0 does not say whether it does: a listing
 * of exactly this many rows may have been cut off, and the user should hear of it before orders
 * are missed.
 */
const LIKELY_ROW_CAP = 100;

export interface TjansteguidenClient {
	/** One method, its answer read as clean JSON (see methods.ts). */
	call<M extends ApiMethod>(method: M, params: MethodParams[M]): Promise<MethodResult<M>>;
	/** One method, its parsed XML answer as sent ("Raw Output"). */
	raw<M extends ApiMethod>(method: M, params: MethodParams[M]): Promise<IDataObject>;
}

/** The client for one item of a run (its credential is read for that item) or for a poll. */
export function tjansteguidenClient(context: TjansteguidenContext, itemIndex = 0): TjansteguidenClient {
	const side = sides[apiSideOf(context)];
	const send = async (method: ApiMethod, params: object) =>
		await side.call(context, method, params as IDataObject, itemIndex);
	return {
		async call(method, params) {
			const envelope = await send(method, params);
			const read = answerReaders[method] as (payload: IDataObject) => MethodResult<typeof method>;
			let result: MethodResult<typeof method>;
			try {
				result = read(envelope.payload as IDataObject);
			} catch (error) {
				// An answer in a shape the package does not know: reported like any API failure.
				throw toNodeApiError(context, error, [], method, itemIndex);
			}
			if (Array.isArray(result) && result.length === LIKELY_ROW_CAP && 'date' in params) {
				const day = String(params.date);
				context.logger.warn(
					`Tjänsteguiden: the ${method} listing since ${day} has exactly ${LIKELY_ROW_CAP} rows, which may be a cap of the API: rows beyond it would be missing`,
					{ method, day },
				);
			}
			return result;
		},
		async raw(method, params) {
			return (await send(method, params)).document as IDataObject;
		},
	};
}

/** The router's `clientFor`: each item gets a client bound to it. */
export async function clientFor(this: IExecuteFunctions, itemIndex: number): Promise<TjansteguidenClient> {
	return tjansteguidenClient(this, itemIndex);
}
