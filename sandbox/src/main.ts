/**
 * Command line: `node sandbox/dist/main.js [--port 8790] [--host 127.0.0.1] [--demo [--no-arrivals]]`
 * (SANDBOX_PORT / SANDBOX_HOST work too). Runs until Ctrl+C.
 */
import { DEMO_API_USER, DEMO_OPERATORS, startSandbox, type SimulatorFactory } from './index';
import { createOnApiSimulator } from './onapi';

const DEFAULT_PORT = 8790;

interface CommandLine {
	port: number;
	host: string;
	demo: boolean;
	/** With --demo: let orders arrive over the next minutes (off with --no-arrivals). */
	arrivals: boolean;
}

/** Simulators mounted next to Tjänsteguiden. */
const extraSimulators: SimulatorFactory[] = [
	// ON-API operator simulator (sandbox/src/onapi): SNDEMO and FIBNORR under /onapi/{coId}/{version}/...
	({ clock }) => createOnApiSimulator({ clock }),
];

function parseCommandLine(args: readonly string[], env: NodeJS.ProcessEnv): CommandLine {
	const options: CommandLine = {
		port: env.SANDBOX_PORT === undefined || env.SANDBOX_PORT === '' ? DEFAULT_PORT : parsePort(env.SANDBOX_PORT),
		host: env.SANDBOX_HOST === undefined || env.SANDBOX_HOST === '' ? '127.0.0.1' : env.SANDBOX_HOST,
		demo: false,
		arrivals: true,
	};
	for (let i = 0; i < args.length; i++) {
		const [flag, inlineValue] = (args[i] as string).split(/=(.*)/s, 2) as [string, string | undefined];
		const value = (): string => {
			const next = inlineValue ?? args[++i];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		switch (flag) {
			case '--port':
				options.port = parsePort(value());
				break;
			case '--host':
				options.host = value();
				break;
			case '--demo':
				options.demo = true;
				break;
			case '--no-arrivals':
				options.arrivals = false;
				break;
			case '--help':
			case '-h':
				console.log('Usage: node sandbox/dist/main.js [--port 8790] [--host 127.0.0.1] [--demo [--no-arrivals]]');
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown argument: ${args[i] as string}`);
		}
	}
	return options;
}

function parsePort(text: string): number {
	const port = Number(text);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${text}`);
	return port;
}

async function main(): Promise<void> {
	const options = parseCommandLine(process.argv.slice(2), process.env);
	const sandbox = await startSandbox({ port: options.port, host: options.host, demo: options.demo && (options.arrivals ? true : { arrivals: 0 }), extraSimulators });
	const mounted = sandbox.server.simulators.map((simulator) => simulator.name).join(', ');
	console.log(`Sandbox listening on ${sandbox.url} (simulators: ${mounted})`);
	console.log(`  Tjänsteguiden Orders 1.0: ${sandbox.urls.tjansteguiden}  (api_user ${DEMO_API_USER})`);
	if (sandbox.server.simulators.some((simulator) => simulator.name === 'onapi')) {
		const operators = DEMO_OPERATORS.map((operator) => `${sandbox.url}/onapi/${operator.coId}/${operator.onApiVersion}/`);
		console.log(`  ON-API operators:         ${operators.join('  and  ')}`);
	}
	console.log(`  Admin page:               ${sandbox.urls.admin}  (JSON: ${sandbox.urls.admin}/state)`);
	if (options.demo) {
		console.log(options.arrivals ? '  Demo world seeded; 15 new orders arrive, one about every 20 s, over the next 5 minutes.' : '  Demo world seeded.');
	}

	let closing = false;
	const shutdown = (): void => {
		if (closing) return;
		closing = true;
		sandbox.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
