/** The ON-API node's Operator field: which operator of an ON-API Operators credential an item is for. */
import type { INodeProperties } from 'n8n-workflow';

import { OPERATORS_CREDENTIAL_TYPE } from '../operators/connections';

export const OPERATOR_FIELD: INodeProperties = {
	displayName: 'Operator (coId)',
	name: 'operator',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. {{ $json.co }}',
	description:
		"The coId of the operator this item is for, as written in the ON-API Operators credential. Usually an expression reading the coId from the item (as in the placeholder): each item can go to another operator.",
	displayOptions: { show: { authentication: [OPERATORS_CREDENTIAL_TYPE] } },
};
