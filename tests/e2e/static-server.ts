import { spawn } from 'node:child_process';

/** A copy of the plain static server, started by a test for hosts the suite's own cannot show. */
export interface StaticServer {
	origin: string;
	stop(): void;
}

/**
 * Starts `scripts/serve.js` on `port` with `env` (SITE_DIR, HOST_STYLE, REQUEST_LOG…) and
 * resolves once it answers.
 */
export async function startStaticServer(
	port: number,
	env: Record<string, string>
): Promise<StaticServer> {
	const server = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, BASE_PATH: '', ...env, PORT: String(port) },
		stdio: 'ignore'
	});
	const origin = `http://127.0.0.1:${port}`;
	for (let attempt = 0; attempt < 100; attempt++) {
		const up = await fetch(`${origin}/`).then(
			(response) => response.ok,
			() => false
		);
		if (up) return { origin, stop: () => server.kill() };
		await new Promise((done) => setTimeout(done, 100));
	}
	server.kill();
	throw new Error(`The static server on port ${port} did not start.`);
}
