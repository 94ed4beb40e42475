/** What every versioned ON-API endpoint handler gets: the operator, the caller and the version. */
import type { SandboxRequest } from '../../types';
import type { OperatorStore } from '../operatorStore';
import type { OnApiVersion, SpUser } from '../types';

export interface RequestContext {
	request: SandboxRequest;
	store: OperatorStore;
	/** The authenticated SP login. */
	user: SpUser;
	version: OnApiVersion;
	/** Path prefix of this operator and version, e.g. `/onapi/SNDEMO/2.6/`. */
	base: string;
	/** Simulated time of the request, epoch ms. */
	now: number;
}
