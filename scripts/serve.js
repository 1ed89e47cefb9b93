#!/usr/bin/env node
// A plain static file server for the built site: no rewriting beyond what any static host does
// (index.html for folders, .html for clean URLs, 404.html for the rest).
import { appendFileSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.SITE_DIR ?? 'build');
const base = (process.env.BASE_PATH ?? '').replace(/\/$/, '');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
/** When set, a file that gets one line per request: its method and URL, as an access log. */
const requestLog = process.env.REQUEST_LOG;

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * How the host maps a clean URL to a file. `clean` (the default) tries `x`, `x.html` and
 * `x/index.html`, like GitHub Pages; `folders` tries only `x` and `x/index.html`, like nginx
 * or S3 as they come.
 */
const style = process.env.HOST_STYLE === 'folders' ? 'folders' : 'clean';

/** The file for a URL path, as the host style says. */
function fileFor(pathname) {
	const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const candidates =
		style === 'clean'
			? [relative, `${relative}.html`, join(relative, 'index.html')]
			: [relative, join(relative, 'index.html')];
	for (const candidate of candidates) {
		const full = join(root, candidate);
		if (!full.startsWith(root)) continue;
		if (existsSync(full) && statSync(full).isFile()) return full;
	}
	return null;
}

const server = createServer((request, response) => {
	if (requestLog) appendFileSync(requestLog, `${request.method} ${request.url}\n`);
	const url = new URL(request.url ?? '/', 'http://localhost');
	if (base && url.pathname === base) {
		response.writeHead(301, { location: `${base}/` }).end();
		return;
	}
	if (base && !url.pathname.startsWith(`${base}/`)) {
		response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
		return;
	}
	const file = fileFor(url.pathname.slice(base.length) || '/');
	const status = file ? 200 : 404;
	const path = file ?? join(root, '404.html');
	if (!existsSync(path)) {
		response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
		return;
	}
	response.writeHead(status, {
		'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
		'cache-control': 'no-cache'
	});
	createReadStream(path).pipe(response);
});

server.listen(port, host, () => {
	console.log(
		`Session Lab is served at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${base}/`
	);
});
