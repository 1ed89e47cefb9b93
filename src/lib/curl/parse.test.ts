import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCurl, parseHeader, normalizeUrl } from './parse';
import { tokenize } from './tokenize';

describe('tokenize', () => {
	it.each([
		['curl a b', ['curl', 'a', 'b']],
		['\'single quoted \\ $x\' "dq"', ['single quoted \\ $x', 'dq']],
		['"a \\"b\\" \\\\ \\$ \\n"', ['a "b" \\ $ \\n']],
		['a\\ b c', ['a b', 'c']],
		['-d"code=qwerty"', ['-dcode=qwerty']],
		["''", ['']],
		['a""b', ['ab']],
		['curl \\\n  -v \\\r\n  url', ['curl', '-v', 'url']],
		['"multi\\\nline"', ['multiline']],
		['  \t\n ', []],
		['trailing\\', ['trailing']]
	])('splits %j', (input, words) => {
		expect(tokenize(input)).toEqual({ ok: true, words });
	});

	it.each([["'open"], ['"open'], ['ok "open \\"']])(
		'reports an unterminated quote in %j',
		(input) => {
			const result = tokenize(input);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.error).toMatch(/unterminated (single|double)-quoted string/);
		}
	);
});

describe('parseCurl', () => {
	it('reads the chapter command', () => {
		const result = parseCurl(
			'curl -X POST -d"code=qwerty" --dump-header header.txt http://127.0.0.1:5000/api/code'
		);
		expect(result).toMatchObject({
			ok: true,
			command: {
				method: 'POST',
				data: [{ source: 'text', text: 'code=qwerty' }],
				dumpHeader: 'header.txt',
				url: 'http://127.0.0.1:5000/api/code'
			}
		});
	});

	it('reads combined short flags and attached values', () => {
		const result = parseCurl('curl -sviL -XPOST -HX-A:1 -bjar -cjar2 -Dh -Ame example.com');
		expect(result).toMatchObject({
			ok: true,
			command: {
				silent: true,
				verbose: true,
				include: true,
				location: true,
				method: 'POST',
				headers: [{ name: 'X-A', value: '1' }],
				cookieFiles: ['jar'],
				cookieJar: 'jar2',
				dumpHeader: 'h',
				userAgent: 'me',
				url: 'http://example.com/'
			}
		});
	});

	it('reads long options', () => {
		const result = parseCurl(
			"curl --request PUT --data a=1 --data-raw @b --header 'X: y' --cookie 'a=b; c=d' " +
				'--cookie-jar j --include --verbose --location --silent --show-error --head --url myapp.example/x'
		);
		expect(result).toMatchObject({
			ok: true,
			command: {
				method: 'PUT',
				data: [
					{ source: 'text', text: 'a=1' },
					{ source: 'text', text: '@b' }
				],
				headers: [{ name: 'X', value: 'y' }],
				cookies: ['a=b; c=d'],
				cookieJar: 'j',
				include: true,
				verbose: true,
				location: true,
				silent: true,
				showError: true,
				head: true,
				url: 'http://myapp.example/x'
			}
		});
	});

	it.each([
		[
			'curl -Z x',
			"curl: (2) option -Z: is unknown\ncurl: try 'curl --help' for more information",
			2
		],
		[
			'curl --nope x',
			"curl: (2) option --nope: is unknown\ncurl: try 'curl --help' for more information",
			2
		],
		[
			'curl --data=a x',
			"curl: (2) option --data=a: is unknown\ncurl: try 'curl --help' for more information",
			2
		],
		[
			'curl x -H',
			"curl: option -H: requires parameter\ncurl: try 'curl --help' for more information",
			2
		],
		[
			'curl x --header',
			"curl: option --header: requires parameter\ncurl: try 'curl --help' for more information",
			2
		],
		['curl -v', "curl: no URL specified\ncurl: try 'curl --help' for more information", 2],
		['curl "http://a b/"', 'curl: (3) URL rejected: Malformed input to a URL function', 3],
		['curl http://[oops/', 'curl: (3) URL rejected: Malformed input to a URL function', 3],
		['curl ftp://myapp.example/', 'curl: (1) Protocol "ftp" not supported', 1],
		['wget x', 'wget: command not found', 127]
	])('rejects %j like curl', (line, error, exitCode) => {
		expect(parseCurl(line)).toEqual({ ok: false, error, exitCode });
	});

	it('rejects an unterminated quote with a clear message', () => {
		const result = parseCurl('curl -d "code=abc http://myapp.example/');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toContain('unterminated double-quoted string');
	});

	it('refuses a second URL', () => {
		const result = parseCurl('curl a.example b.example');
		expect(result).toMatchObject({ ok: false, exitCode: 2 });
	});

	it.each([
		['Name: value', { name: 'Name', value: 'value' }],
		['Accept:', { name: 'Accept', value: null }],
		['X-Empty;', { name: 'X-Empty', value: '' }],
		['no separator', null],
		[': no name', null]
	])('reads -H %j', (text, header) => {
		expect(parseHeader(text)).toEqual(header);
	});

	it.each([
		['127.0.0.1:5000/api/code', 'http://127.0.0.1:5000/api/code'],
		['myapp.example', 'http://myapp.example/'],
		['HTTPS://MyApp.Example/A', 'https://myapp.example/A'],
		['http://myapp.example/a?b=c#d', 'http://myapp.example/a?b=c#d']
	])('completes the URL %j', (raw, url) => {
		expect(normalizeUrl(raw)).toEqual({ ok: true, url });
	});
});

/** Words a hostile user might type: options, quotes, escapes, odd URLs. */
const hostileWord = fc.oneof(
	fc.constantFrom(
		'-X',
		'-d',
		'-H',
		'-b',
		'-c',
		'-D',
		'-i',
		'-v',
		'-L',
		'-s',
		'-sv',
		'-XPOST',
		'--url',
		'--data-urlencode',
		'--cookie',
		'--',
		'-',
		'"',
		"'",
		'\\',
		'\\\n',
		'@',
		'http://',
		'://',
		'myapp.example',
		'http://[::1]/',
		'javascript:alert(1)',
		'%zz',
		'\u0000',
		'🍪'
	),
	fc.string(),
	fc.string().map((text) => `-${text}`),
	fc.string().map((text) => `'${text}'`),
	fc.string().map((text) => `"${text}"`)
);

describe('parseCurl never throws', () => {
	it('for arbitrary strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (line) => {
				const result = parseCurl(line);
				expect(typeof result.ok).toBe('boolean');
			}),
			{ numRuns: 2000 }
		);
	});

	it('for hostile generated curl commands', () => {
		fc.assert(
			fc.property(fc.array(hostileWord, { maxLength: 12 }), (words) => {
				const result = parseCurl(`curl ${words.join(' ')}`);
				if (result.ok) expect(() => new URL(result.command.url)).not.toThrow();
				else {
					expect(result.error.length).toBeGreaterThan(0);
					expect(result.exitCode).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('round-trips single-quoted words through tokenize', () => {
		fc.assert(
			fc.property(fc.array(fc.string()), (words) => {
				const line = words.map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
				expect(tokenize(line)).toEqual({ ok: true, words });
			})
		);
	});
});
