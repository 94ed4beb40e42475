import type { INodeProperties } from 'n8n-workflow';

/**
 * The opt-in both Tjänsteguiden credentials offer for plain http to a host other than loopback
 * (see ../transport/baseUrl.ts); off, http:// is refused there.
 */
export const allowInsecureHttpProperty: INodeProperties = {
	displayName: 'Allow Insecure HTTP',
	name: 'allowInsecureHttp',
	type: 'boolean',
	default: false,
	description:
		'Whether to allow an http:// URL to a host other than this machine. Over http what the credential sends travels in clear text: only for a network you trust.',
};
