/** Endpoint → Get Many: the operator's Endpoints list (`GET {root}/`), one item per entry as sent. */
import type { INodeProperties } from 'n8n-workflow';
import { fetchEndpointList } from '../../transport/discovery';
import { applyLimit, isObject, returnAllFields } from '../common/returnAll';
import type { OperationExecute } from '../types';

export const description: INodeProperties[] = [...returnAllFields('endpoint', 'getMany')];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const response = await fetchEndpointList.call(this, connection, itemIndex);
	const entries = Array.isArray(response.body) ? response.body.filter(isObject) : [];
	return applyLimit.call(this, itemIndex, entries);
};
