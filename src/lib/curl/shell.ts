/**
 * The curl console's shell: one line in, what the terminal shows out. It knows `curl` and a few
 * built-ins (`cat`, `ls`, `rm`, `help`, `clear`) over the device's files.
 */
import { parseCurlWords } from './parse';
import { tokenize } from './tokenize';
import { transfer, type CurlOutput, type FileStore } from './transfer';
import type { CurlTransport } from './transport';
import type { CurlCommand } from './command';

/** What one console line produced. */
export interface ConsoleResult extends CurlOutput {
	/** Whether the console should wipe its screen (`clear`). */
	clear: boolean;
}

/** A file that could not be written; curl reports it as exit code 23. */
export class FileWriteError extends Error {
	override name = 'FileWriteError';
}

/** The help text of the `help` built-in and `curl --help`. */
export const HELP_TEXT = `Session Lab's curl console. The simulated site is http://myapp.example/
Paste a "Copy as cURL (bash)" command from a browser's DevTools, or type one.

curl [options] <url>
  -X, --request <method>     Method to use (GET, POST, ...)
  -d, --data <data>          Send a form body (POST); repeat to join with &; @file reads a file
      --data-raw <data>      Like -d, but @ is not special
      --data-binary <data>   Like -d; @file keeps line breaks
      --data-urlencode <d>   Like -d, percent-encoding the value (name=value)
  -H, --header <header>      Add 'Name: value'; 'Name:' removes one of curl's own
  -b, --cookie <data|file>   Send 'name=value; n2=v2', or read cookies from a file
  -c, --cookie-jar <file>    Write the cookies to a file (Netscape format) afterwards
  -D, --dump-header <file>   Write the received headers to a file
  -o, --output <file>        Write the body to a file instead of the screen
  -A, --user-agent <name>    Send another User-Agent
  -e, --referer <url>        Send a Referer
  -u, --user <user:password> Send HTTP Basic credentials
  -i, --include              Show the response headers before the body
  -I, --head                 Send HEAD and show the headers only
  -v, --verbose              Show the request (>), the response headers (<) and notes (*)
  -L, --location             Follow redirects
  -s, --silent               Quiet: no error messages (-S shows them again)
  -k, --insecure, --compressed   Accepted; they change nothing here

Built-ins: ls, cat <file>, rm <file>, clear, help
Files belong to this device and are kept with the world.
Like real curl, this curl keeps no cookies unless you use -b or -c.
`;

/** Runs one line typed at the prompt, reading and writing `files`. Never rejects. */
export async function runShellLine(
	line: string,
	transport: CurlTransport,
	files: FileStore
): Promise<ConsoleResult> {
	const split = tokenize(line);
	if (!split.ok) return result(`${split.error}\n`, 2);
	const [program, ...args] = split.words;
	switch (program) {
		case undefined:
			return result('', 0);
		case 'curl':
			return curl(split.words, transport, files);
		case 'help':
			return result(HELP_TEXT, 0);
		case 'clear':
			return { text: '', exitCode: 0, clear: true };
		case 'ls':
			return result(
				[...files.keys()]
					.sort()
					.map((name) => `${name}\n`)
					.join(''),
				0
			);
		case 'cat':
			return cat(args, files);
		case 'rm':
			return rm(args, files);
		default:
			return result(`${program}: command not found (try: help)\n`, 127);
	}
}

/** Runs an already parsed command. Never rejects. */
export async function runCurl(
	command: CurlCommand,
	transport: CurlTransport,
	files: FileStore
): Promise<CurlOutput> {
	try {
		return await transfer(command, transport, files);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (error instanceof FileWriteError) {
			return {
				text: `curl: (23) Failure writing output to destination: ${message}\n`,
				exitCode: 23
			};
		}
		return { text: `curl: (2) ${message}\n`, exitCode: 2 };
	}
}

async function curl(
	words: string[],
	transport: CurlTransport,
	files: FileStore
): Promise<ConsoleResult> {
	if (words.includes('--help') || words.includes('-h')) return result(HELP_TEXT, 0);
	if (words.includes('--version') || words.includes('-V')) {
		return result('curl 8.14.1 (Session Lab simulation)\nProtocols: http https\n', 0);
	}
	const parsed = parseCurlWords(words);
	if (!parsed.ok) return result(`${parsed.error}\n`, parsed.exitCode);
	const output = await runCurl(parsed.command, transport, files);
	return { ...output, clear: false };
}

function cat(names: string[], files: FileStore): ConsoleResult {
	if (names.length === 0) return result('cat: name a file, for example: cat header.txt\n', 1);
	let text = '';
	let exitCode = 0;
	for (const name of names) {
		const content = files.get(name);
		if (content === undefined) {
			text += `cat: ${name}: No such file or directory\n`;
			exitCode = 1;
		} else text += content.replace(/\r\n/g, '\n');
	}
	return result(text, exitCode);
}

function rm(names: string[], files: FileStore): ConsoleResult {
	if (names.length === 0) return result('rm: missing operand\n', 1);
	let text = '';
	for (const name of names) {
		if (!files.delete(name)) text += `rm: cannot remove '${name}': No such file or directory\n`;
	}
	return result(text, text === '' ? 0 : 1);
}

function result(text: string, exitCode: number): ConsoleResult {
	return { text, exitCode, clear: false };
}
