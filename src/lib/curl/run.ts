/**
 * A curl console with files of its own that live as long as it does, for tests and scripts.
 * The site's console runs its lines in the world instead (the `curl` command), so that the files
 * belong to the device and are saved with the world.
 */
import { runCurl, runShellLine, type ConsoleResult } from './shell';
import type { CurlOutput, FileStore } from './transfer';
import { worldTransport, type CurlTransport, type CurlWorld } from './transport';
import type { CurlCommand } from './command';

export type { CurlOutput } from './transfer';
export { HELP_TEXT, type ConsoleResult } from './shell';
export { worldTransport } from './transport';

/** One console: its own virtual files, and the curl browser it speaks for. */
export class CurlSession {
	/** Virtual files by name: `-D`, `-c` and `-b` read and write them. */
	readonly files: FileStore = new Map();

	/**
	 * @param transport how requests reach the world; see {@link CurlSession.forWorld}
	 * @param browserId the curl browser the console speaks for
	 */
	constructor(
		private readonly transport: CurlTransport,
		readonly browserId: string
	) {}

	/** A console that sends straight to a world, for tests and scripts. */
	static forWorld(world: CurlWorld, browserId: string): CurlSession {
		return new CurlSession(worldTransport(world, browserId), browserId);
	}

	/** Runs one line typed at the prompt. Never rejects. */
	execute(line: string): Promise<ConsoleResult> {
		return runShellLine(line, this.transport, this.files);
	}

	/** Runs an already parsed command. Never rejects. */
	run(command: CurlCommand): Promise<CurlOutput> {
		return runCurl(command, this.transport, this.files);
	}
}
