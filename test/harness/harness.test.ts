// The harness itself: a generic-auth credential must reach the wire the way n8n applies it.
import http from 'node:http';
import { executeNode } from './n8n';
import type { IExecuteFunctions, INodeType, ICredentialType } from 'n8n-workflow';

class Probe implements INodeType {
	description = { displayName: 'Probe', name: 'probe', group: ['transform'], version: 1, description: '', defaults: { name: 'Probe' }, inputs: ['main'], outputs: ['main'], properties: [{displayName:'u',name:'url',type:'string',default:''}], credentials: [{ name: 'probeApi', required: true }] } as unknown as INodeType['description'];
	async execute(this: IExecuteFunctions) {
		const url = this.getNodeParameter('url', 0) as string;
		const body = await this.helpers.httpRequestWithAuthentication.call(this, 'probeApi', { url, method: 'GET', json: true });
		return [[{ json: body, pairedItem: { item: 0 } }]];
	}
}
const cred: ICredentialType = { name: 'probeApi', displayName: 'P', properties: [], authenticate: { type: 'generic', properties: { auth: { username: '={{$credentials.user}}', password: '={{$credentials.pass}}' } } } };

test('harness runs a node over real HTTP', async () => {
	const server = http.createServer((req, res) => { res.setHeader('content-type','application/json'); res.end(JSON.stringify({ auth: req.headers.authorization })); });
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as import('node:net').AddressInfo;
	const result = await executeNode({ nodeType: new Probe(), parameters: { url: `http://127.0.0.1:${port}/x` }, credentialTypes: [cred], credentials: { probeApi: { user: 'u', pass: 'p' } } });
	server.close();
	expect(result.error).toBeUndefined();
	expect(result.outputs[0][0].json).toEqual({ auth: 'Basic ' + Buffer.from('u:p').toString('base64') });
});
