import type { IExecuteFunctions } from 'n8n-workflow';

import type { TjansteguidenContext } from './types';

/**
 * The node's `authentication` parameter says which face of Tjänsteguiden it talks to. Workflows
 * made before the parameter existed have no value for it and stay on the service-provider side.
 */
export const AUTHENTICATION_PARAMETER = 'authentication';
export const SERVICE_PROVIDER = 'serviceProvider';
export const NETWORK_OPERATOR = 'networkOperator';
export type ApiSide = typeof SERVICE_PROVIDER | typeof NETWORK_OPERATOR;

export const SERVICE_PROVIDER_CREDENTIAL_TYPE = 'tjansteguidenApi';
export const OPERATOR_CREDENTIAL_TYPE = 'tjansteguidenOperatorApi';

function isExecuteContext(context: TjansteguidenContext): context is IExecuteFunctions {
	return typeof (context as Partial<IExecuteFunctions>).getInputData === 'function';
}

/** The side chosen on the node; one per node (the parameter takes no expressions), so item 0's. */
export function apiSideOf(context: TjansteguidenContext): ApiSide {
	const value = isExecuteContext(context)
		? context.getNodeParameter(AUTHENTICATION_PARAMETER, 0, SERVICE_PROVIDER)
		: context.getNodeParameter(AUTHENTICATION_PARAMETER, SERVICE_PROVIDER);
	return value === NETWORK_OPERATOR ? NETWORK_OPERATOR : SERVICE_PROVIDER;
}
