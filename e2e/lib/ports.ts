import net from 'node:net';

const loopback = '127.0.0.1';

function tryListen(port: number): Promise<net.Server> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen({ port, host: loopback, exclusive: true }, () => resolve(server));
	});
}

function close(server: net.Server): Promise<void> {
	return new Promise((resolve) => server.close(() => resolve()));
}

/** Fails at once, naming the port and its use, when something already listens on it. */
export async function assertPortFree(port: number, usedFor: string): Promise<void> {
	let server: net.Server;
	try {
		server = await tryListen(port);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'EADDRINUSE' ? 'is already in use' : `cannot be bound (${code ?? String(error)})`;
		throw new Error(
			`${loopback}:${port} (${usedFor}) ${why}. Stop whatever listens there (e.g. \`ss -ltnp 'sport = :${port}'\`) and retry.`,
		);
	}
	await close(server);
}

/** A port the OS says is free right now on the loopback interface. */
export async function findFreePort(): Promise<number> {
	const server = await tryListen(0);
	const address = server.address() as net.AddressInfo;
	await close(server);
	return address.port;
}
