import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	IPollFunctions,
} from 'n8n-workflow';

type CredentialContext = IExecuteFunctions | IPollFunctions;

/**
 * Decrypted credentials, read once per node run (or poll) and credential type and item.
 *
 * n8n decrypts a credential and resolves its expressions on every `getCredentials` call, and
 * `httpRequestWithAuthentication` calls it again for every request. In a poll that resolution is
 * the most expensive step of a call (measured: ~60 % of a 1,000-order poll's CPU). Reading once
 * per context and handing the result to n8n's helper keeps n8n's credential handling and drops
 * the repeated work. The memo lives as long as the context object: one run, never across runs,
 * so an edited credential is picked up by the next execution.
 */
const memo = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

export async function credentialsOnce(
	context: CredentialContext,
	type: string,
	itemIndex = 0,
): Promise<ICredentialDataDecryptedObject> {
	let byKey = memo.get(context);
	if (!byKey) memo.set(context, (byKey = new Map()));
	const key = `${type}\u0000${itemIndex}`;
	let pending = byKey.get(key);
	if (!pending) {
		pending = context.getCredentials(type, itemIndex);
		// A failed read is not remembered: the next call asks n8n again and reports its own error.
		pending.catch(() => byKey.delete(key));
		byKey.set(key, pending);
	}
	return await pending;
}

/**
 * The same credentials in the shape `httpRequestWithAuthentication` accepts as already decrypted,
 * so that it applies the credential's `authenticate` without reading the credential again.
 */
export async function decryptedCredentialsOnce(
	context: CredentialContext,
	type: string,
	itemIndex = 0,
): Promise<ICredentialsDecrypted> {
	const data = await credentialsOnce(context, type, itemIndex);
	const reference = context.getNode().credentials?.[type];
	return { id: reference?.id ?? '', name: reference?.name ?? type, type, data };
}
