/** Helpers for the sandbox tests of the operator API (`/admin/edit/services/plain/orders`). */
import { DEMO_OPERATOR_API_USER, TjansteguidenOperatorClient, type RunningSandbox } from '../../sandbox/src';
import { envelope } from './tjansteguidenTestKit';

export function operatorClient(sandbox: RunningSandbox): TjansteguidenOperatorClient {
	return new TjansteguidenOperatorClient(sandbox.admin.http);
}

/** One operator API call as the demo operator SNDEMO's API user, unless the params name another. */
export async function operatorCall(sandbox: RunningSandbox, params: Record<string, string | number>) {
	return await operatorClient(sandbox).call({ api_user: DEMO_OPERATOR_API_USER, ...params });
}

/** The error message of an error envelope, failing the test on anything else. */
export function errorMessage(body: string): string {
	const result = envelope(body);
	if (result.status !== 'error' || result.message === undefined) throw new Error(`Expected an error envelope, got: ${body}`);
	return result.message;
}
