/**
 * Test and demo helper for the operator face of the Tjänsteguiden simulator: its access admin and
 * raw operator API calls. Built on the admin client's HTTP instance (`sandbox.admin.http`).
 */
import type { AxiosInstance } from 'axios';

import type { TgOperatorUser } from './model';
import { OPERATOR_PATH } from './paths';

export interface OperatorAccessInput {
	apiUser: string | number;
	allowedAddresses?: string[];
	/** Needed only for a new user. */
	coId?: string;
	name?: string;
}

export interface OperatorRawResponse {
	status: number;
	contentType: string;
	body: string;
}

export class TjansteguidenOperatorClient {
	constructor(private readonly http: AxiosInstance) {}

	async access(): Promise<TgOperatorUser[]> {
		return await this.admin<TgOperatorUser[]>('GET');
	}

	/** Sets a user's allowed client addresses (and more), as the operator's "API Credentials" admin would. */
	async setAccess(input: OperatorAccessInput): Promise<TgOperatorUser[]> {
		return await this.admin<TgOperatorUser[]>('POST', { ...input, apiUser: String(input.apiUser) });
	}

	/** One raw operator API call (GET with query parameters), answered as text. */
	async call(params: Record<string, string | number>): Promise<OperatorRawResponse> {
		const response = await this.http.get<string>(OPERATOR_PATH, {
			params,
			responseType: 'text',
			transformResponse: (data: string) => data,
		});
		return { status: response.status, contentType: String(response.headers['content-type'] ?? ''), body: response.data };
	}

	private async admin<T>(method: 'GET' | 'POST', data?: unknown): Promise<T> {
		const response = await this.http.request<unknown>({ method, url: '/__admin/tjansteguiden/operator-access', data });
		if (response.status >= 400) {
			throw new Error(`${method} operator-access failed with ${response.status}: ${JSON.stringify(response.data)}`);
		}
		return response.data as T;
	}
}
