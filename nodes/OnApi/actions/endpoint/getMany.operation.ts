/** Endpoint → Get Many: the operator's Endpoints list (`GET {root}/`), one item per entry as sent. */
import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { applyLimit, returnAllFields } from '../../descriptions/returnAll';
import type { OnApiClient } from '../../transport/client';

export const description: INodeProperties[] = [...returnAllFields('endpoint', 'getMany')];

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	return applyLimit.call(this, itemIndex, await client.endpoints.list());
};
