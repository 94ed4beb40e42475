/**
 * The two services a queue-mode cluster shares, PostgreSQL and Redis, started together for one
 * test. If the second does not start, the first is stopped before the error goes up, so a failed
 * set-up leaves no server behind (each also has a watchdog for when the test process dies).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { e2eWorkDir } from '../lib/paths';
import { startPostgres, type PostgresServer } from './postgres';
import { startRedis, type RedisServer } from './redis';

export interface QueueServices {
	postgres: PostgresServer;
	redis: RedisServer;
	/** Redis's log and data folder, below .e2e-work/runs/. */
	runDir: string;
	/** Redis, then PostgreSQL; errors are swallowed (clean-up). */
	stop(): Promise<void>;
}

export async function startQueueServices(name: string): Promise<QueueServices> {
	const runDir = path.join(e2eWorkDir, 'runs', `${name}-services-${Date.now()}-${process.pid}`);
	mkdirSync(runDir, { recursive: true });
	const postgres = await startPostgres();
	let redis: RedisServer;
	try {
		redis = await startRedis(runDir);
	} catch (error) {
		await postgres.stop().catch(() => undefined);
		throw error;
	}
	return {
		postgres,
		redis,
		runDir,
		stop: async () => {
			await redis.stop().catch(() => undefined);
			await postgres.stop().catch(() => undefined);
		},
	};
}
