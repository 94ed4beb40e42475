/**
 * How large a Tjänsteguiden answer may be: the credentials' "Max Response Size (MB)", or this
 * default where a credential was saved before the field existed. Orders 1.0 answers are small (a
 * day's listing of hundreds of orders is well under a megabyte), so the default leaves a wide
 * margin and still stops a runaway body long before it takes n8n's memory.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { MAX_RESPONSE_SIZE_FIELD, maxResponseBytes, type MaxResponseBytes } from '../../shared/maxResponseSize';

export const DEFAULT_MAX_RESPONSE_MB = 64;

export const MAX_RESPONSE_SIZE_ADVICE =
	'Ordinary answers are far smaller; raise it only if a listing over many days fails with this limit, or list from a later date.';

export function maxResponseBytesOf(credentials: ICredentialDataDecryptedObject | undefined): MaxResponseBytes {
	return maxResponseBytes(credentials?.[MAX_RESPONSE_SIZE_FIELD], DEFAULT_MAX_RESPONSE_MB);
}
