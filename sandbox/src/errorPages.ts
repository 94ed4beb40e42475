/** Error pages that stand between a client and a simulated API: a proxy's page when the backend fails. */
import http from 'node:http';

import type { SandboxResponse } from './types';

/** What a reverse proxy in front of an overloaded backend answers. */
export function gatewayErrorPage(status: number): SandboxResponse {
	const title = `${status} ${http.STATUS_CODES[status] ?? 'Server Error'}`;
	return {
		status,
		headers: { 'Content-Type': 'text/html' },
		body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
		outcome: 'fault',
	};
}
