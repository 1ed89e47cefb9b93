import { describe, expect, it } from 'vitest';
import { readAnsiCQuoted } from './ansi-c';
import { parseCurl } from './parse';
import { buildRequest, inferredMethod } from './request';
import { tokenize } from './tokenize';

/** What Chrome's "Copy as cURL (bash)" gives for the book page's POST: one option a line. */
const CHROME_MULTILINE = `curl 'http://myapp.example/api/code' \\
  -H 'Accept: application/json, text/javascript, */*; q=0.01' \\
  -H 'Accept-Language: en-GB,en;q=0.9' \\
  -H 'Connection: keep-alive' \\
  -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' \\
  -b 'dancer.session=eyJjb2RlIjoiYWJjIn0' \\
  -H 'Origin: http://myapp.example' \\
  -H 'Referer: http://myapp.example/' \\
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36' \\
  -H 'X-Requested-With: XMLHttpRequest' \\
  --data-raw 'code=qwerty' \\
  --insecure`;

/** Chrome, when a value holds a quote or a control character: ANSI-C quoting. */
const CHROME_ANSI_C = `curl 'http://myapp.example/api/code' \\
  -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' \\
  -b $'dancer.session=it\\'s' \\
  --data-raw $'code=it\\'s\\nnew line\\x21\\u00e9' \\
  --compressed`;

/** Firefox's "Copy as cURL (POSIX)": everything on one line, cookies as a header. */
const FIREFOX_ONE_LINE = `curl 'http://myapp.example/api/code' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' -H 'Accept: application/json, text/javascript, */*; q=0.01' -H 'Accept-Language: en-GB,en;q=0.5' -H 'Accept-Encoding: gzip, deflate' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'X-Requested-With: XMLHttpRequest' -H 'Origin: http://myapp.example' -H 'Connection: keep-alive' -H 'Referer: http://myapp.example/' -H 'Cookie: dancer.session=abc' -H 'Priority: u=0' --data-raw 'code=qwerty'`;

/** Firefox for a GET it copied with --compressed, as older releases do, and Windows line ends. */
const FIREFOX_COMPRESSED_CRLF =
	"curl 'http://myapp.example/api/me' \\\r\n --compressed \\\r\n -H 'Cookie: dancer.session=abc'";

describe('ANSI-C quoting', () => {
	it.each([
		["a\\'b'", "a'b"],
		["\\n\\t\\r'", '\n\t\r'],
		["\\\\'", '\\'],
		["\\x41\\x4a'", 'AJ'],
		["\\101\\0'", 'A\0'],
		["\\u00e9\\U0001F600'", 'é😀'],
		["\\cA'", '\x01'],
		["\\q'", '\\q'],
		["\\xZ'", '\\xZ'],
		["!'", '!']
	])('reads %j', (input, text) => {
		expect(readAnsiCQuoted(input, 0)?.text).toBe(text);
	});

	it('reports a string that never closes', () => {
		expect(readAnsiCQuoted("never \\' closed", 0)).toBeNull();
		const result = tokenize("curl $'open");
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/unterminated ANSI-C-quoted string/);
	});

	it.each([
		["$'a b' c", ['a b', 'c']],
		["pre$'\\t'post", ['pre\tpost']],
		["'$'x", ['$x']],
		['"$\'x"', ["$'x"]],
		["\\$'x'", ['$x']]
	])('splits %j', (input, words) => {
		expect(tokenize(input)).toEqual({ ok: true, words });
	});
});

describe('commands copied from DevTools', () => {
	it.each([
		{
			name: 'Chrome, multi-line',
			line: CHROME_MULTILINE,
			method: 'POST',
			url: 'http://myapp.example/api/code',
			cookie: 'dancer.session=eyJjb2RlIjoiYWJjIn0',
			body: 'code=qwerty',
			header: ['X-Requested-With', 'XMLHttpRequest']
		},
		{
			name: "Chrome, $'…' values and --compressed",
			line: CHROME_ANSI_C,
			method: 'POST',
			url: 'http://myapp.example/api/code',
			cookie: "dancer.session=it's",
			body: "code=it's\nnew line!é",
			header: ['Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8']
		},
		{
			name: 'Firefox, one line',
			line: FIREFOX_ONE_LINE,
			method: 'POST',
			url: 'http://myapp.example/api/code',
			cookie: 'dancer.session=abc',
			body: 'code=qwerty',
			header: ['Priority', 'u=0']
		},
		{
			name: 'Firefox, --compressed with CRLF line ends',
			line: FIREFOX_COMPRESSED_CRLF,
			method: 'GET',
			url: 'http://myapp.example/api/me',
			cookie: 'dancer.session=abc',
			body: '',
			header: ['Cookie', 'dancer.session=abc']
		}
	])('$name', ({ line, method, url, cookie, body, header }) => {
		const parsed = parseCurl(line);
		expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
		if (!parsed.ok) return;
		const command = parsed.command;
		const chosen = command.method ?? inferredMethod(command);
		const cookies = command.cookies.length > 0 ? command.cookies.join('; ') : null;
		const request = buildRequest(
			command,
			new URL(command.url),
			chosen,
			body === '' ? null : body,
			cookies
		);
		expect(request.method).toBe(method);
		expect(request.url).toBe(url);
		expect(request.body).toBe(body);
		expect(request.headers).toContainEqual(header);
		const sentCookie = request.headers.find(([name]) => name.toLowerCase() === 'cookie');
		expect(sentCookie?.[1]).toBe(cookie);
		// Headers DevTools copied replace curl's own, never doubled.
		const names = request.headers.map(([name]) => name.toLowerCase());
		expect(new Set(names).size).toBe(names.length);
	});
});

describe('the options people type', () => {
	it.each([
		['curl -o page.html myapp.example/', { output: 'page.html' }],
		['curl --output=x myapp.example/', null],
		['curl -e http://evil.example/ myapp.example/', { referer: 'http://evil.example/' }],
		['curl --referer "http://a.example/;auto" myapp.example/', { referer: 'http://a.example/' }],
		['curl -u alice:wonderland myapp.example/', { user: 'alice:wonderland' }],
		['curl -sSkL myapp.example/', { silent: true, showError: true, location: true }],
		['curl --insecure --compressed --http1.1 myapp.example/', { url: 'http://myapp.example/' }]
	])('%s', (line, expected) => {
		const parsed = parseCurl(line);
		if (expected === null) {
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) expect(parsed.error).toContain('--output=x');
			return;
		}
		expect(parsed).toMatchObject({ ok: true, command: expected });
	});

	it.each([
		['curl -u alice myapp.example/', /-u 'alice:password'/],
		['curl --proxy x myapp.example/', /option --proxy: is unknown/],
		['curl -x proxy myapp.example/', /option -x: is unknown/],
		['curl -F a=b myapp.example/', /option -F: is unknown/]
	])('names what it cannot do in %s', (line, message) => {
		const parsed = parseCurl(line);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.error).toMatch(message);
	});

	it('sends -u as Basic credentials and -e as the Referer (RFC 7617 §2)', () => {
		const parsed = parseCurl('curl -u alice:wönderland -e http://a.example/ myapp.example/');
		if (!parsed.ok) throw new Error(parsed.error);
		const request = buildRequest(parsed.command, new URL(parsed.command.url), 'GET', null, null);
		expect(request.headers).toEqual([
			['Host', 'myapp.example'],
			['Authorization', `Basic ${Buffer.from('alice:wönderland').toString('base64')}`],
			['User-Agent', 'curl/8.14.1'],
			['Accept', '*/*'],
			['Referer', 'http://a.example/']
		]);
	});
});
