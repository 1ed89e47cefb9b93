/**
 * The curl console's shell: `curl` plus a few built-ins (`cat`, `ls`, `rm`, `help`, `clear`)
 * over virtual files that live as long as the console.
 */
import { parseCurlWords } from './parse';
import { tokenize } from './tokenize';
import { transfer, type CurlOutput, type FileStore } from './transfer';
import {
	simTransport,
	worldTransport,
	type CurlSim,
	type CurlTransport,
	type CurlWorld
} from './transport';
import type { CurlCommand } from './command';

export type { CurlOutput } from './transfer';
export { simTransport, worldTransport } from './transport';

/** What one console line produced. */
export interface ConsoleResult extends CurlOutput {
	/** Whether the console should wipe its screen (`clear`). */
	clear: boolean;
}

/** The help text of the `help` built-in and `curl --help`. */
export const HELP_TEXT = `Session Lab's curl console. The simulated site is http://myapp.example/

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
  -A, --user-agent <name>    Send another User-Agent
  -i, --include              Show the response headers before the body
  -I, --head                 Send HEAD and show the headers only
  -v, --verbose              Show the request (>), the response headers (<) and notes (*)
  -L, --location             Follow redirects
  -s, --silent               Quiet: no error messages (-S shows them again)

Built-ins: ls, cat <file>, rm <file>, clear, help
Like real curl, this curl keeps no cookies unless you use -b or -c.
`;

/** One console: its own virtual files, and the curl browser it speaks for. */
export class CurlSession {
	/** Virtual files by name: `-D`, `-c` and `-b` read and write them. */
	readonly files: FileStore = new Map();

	/**
	 * @param transport how requests reach the world; see {@link CurlSession.forSim}
	 * @param browserId the curl browser the console speaks for
	 */
	constructor(
		private readonly transport: CurlTransport,
		readonly browserId: string
	) {}

	/** A console that sends through the page's command runner, so requests join the history. */
	static forSim(sim: CurlSim, browserId: string): CurlSession {
		return new CurlSession(simTransport(sim, browserId), browserId);
	}

	/** A console that sends straight to a world, for tests and scripts. */
	static forWorld(world: CurlWorld, browserId: string): CurlSession {
		return new CurlSession(worldTransport(world, browserId), browserId);
	}

	/** Runs one line typed at the prompt. Never rejects. */
	async execute(line: string): Promise<ConsoleResult> {
		const split = tokenize(line);
		if (!split.ok) return result(`${split.error}\n`, 2);
		const [program, ...args] = split.words;
		switch (program) {
			case undefined:
				return result('', 0);
			case 'curl':
				return this.#curl(split.words);
			case 'help':
				return result(HELP_TEXT, 0);
			case 'clear':
				return { text: '', exitCode: 0, clear: true };
			case 'ls':
				return result(
					[...this.files.keys()]
						.sort()
						.map((name) => `${name}\n`)
						.join(''),
					0
				);
			case 'cat':
				return this.#cat(args);
			case 'rm':
				return this.#rm(args);
			default:
				return result(`${program}: command not found (try: help)\n`, 127);
		}
	}

	/** Runs an already parsed command. Never rejects. */
	async run(command: CurlCommand): Promise<CurlOutput> {
		try {
			return await transfer(command, this.transport, this.files);
		} catch (error) {
			return {
				text: `curl: (2) ${error instanceof Error ? error.message : String(error)}\n`,
				exitCode: 2
			};
		}
	}

	async #curl(words: string[]): Promise<ConsoleResult> {
		if (words.includes('--help') || words.includes('-h')) return result(HELP_TEXT, 0);
		if (words.includes('--version') || words.includes('-V')) {
			return result('curl 8.14.1 (Session Lab simulation)\nProtocols: http https\n', 0);
		}
		const parsed = parseCurlWords(words);
		if (!parsed.ok) return result(`${parsed.error}\n`, parsed.exitCode);
		const output = await this.run(parsed.command);
		return { ...output, clear: false };
	}

	#cat(names: string[]): ConsoleResult {
		let text = '';
		let exitCode = 0;
		for (const name of names) {
			const content = this.files.get(name);
			if (content === undefined) {
				text += `cat: ${name}: No such file or directory\n`;
				exitCode = 1;
			} else text += content.replace(/\r\n/g, '\n');
		}
		return result(text, exitCode);
	}

	#rm(names: string[]): ConsoleResult {
		let text = '';
		for (const name of names) {
			if (!this.files.delete(name))
				text += `rm: cannot remove '${name}': No such file or directory\n`;
		}
		return result(text, text === '' ? 0 : 1);
	}
}

function result(text: string, exitCode: number): ConsoleResult {
	return { text, exitCode, clear: false };
}
