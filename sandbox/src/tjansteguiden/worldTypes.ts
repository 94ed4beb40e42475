/**
 * What the parts around the Tjänsteguiden simulator see of it: the seed gets a world to fill, the
 * admin routes a live world to inspect and change. Kept apart from simulator.ts so that the admin
 * routes and the seed depend on these shapes, not on the class that mounts them.
 */
import type { OrderView } from './adminViews';
import type { PublicConfig } from './config';
import type { OrderStatus, TgConfig } from './model';
import type { TjansteguidenState } from './state';

/** What a seed function gets to build the world with (see demo/tjansteguidenOrders.ts). */
export interface TjansteguidenWorld {
	readonly state: TjansteguidenState;
	readonly config: TgConfig;
	readonly nowMs: number;
}

export interface TjansteguidenSnapshot {
	config: PublicConfig;
	orders: { total: number; arrived: number; scheduled: number; byStatus: Record<OrderStatus, number> };
	customers: number;
	hashes: { issued: number; valid: number };
	/** The ten most recently created orders that have arrived. */
	latestOrders: OrderView[];
}

/** The running simulator as its admin routes use it. */
export interface LiveTjansteguidenWorld {
	readonly state: TjansteguidenState;
	readonly config: TgConfig;
	nowMs(): number;
	/** Changes configuration until the next reset; throws AdminError on invalid fields. */
	updateConfig(patch: Record<string, unknown>): TgConfig;
	snapshot(): TjansteguidenSnapshot;
}
