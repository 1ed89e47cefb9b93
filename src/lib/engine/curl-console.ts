/**
 * The curl console of a device, as part of the world: a line typed (or run by a lesson) is one
 * `curl` command, so its requests, the files it writes and what it printed are replayed and
 * saved with everything else.
 */
import { FileWriteError, runShellLine } from '$lib/curl/shell';
import type { CurlTransport } from '$lib/curl/transport';
import { sendRaw } from './browser-agent';
import {
	MAX_CONSOLE_ENTRIES,
	MAX_FILE_CHARS,
	MAX_FILES_PER_DEVICE,
	MAX_OUTPUT_CHARS
} from './device-files';
import { MAX_NAME } from './input-limits';
import { WorldError, type WorldCore } from './world-core';

/** A device's files while a line runs: refuses what the saved world could not hold. */
class DeviceFileStore extends Map<string, string> {
	override set(name: string, content: string): this {
		if (name === '' || name.length > MAX_NAME) {
			throw new FileWriteError(`a file name has 1 to ${MAX_NAME} characters`);
		}
		if (content.length > MAX_FILE_CHARS) {
			throw new FileWriteError(`${name} would hold more than ${MAX_FILE_CHARS} characters`);
		}
		if (!this.has(name) && this.size >= MAX_FILES_PER_DEVICE) {
			throw new FileWriteError(
				`this device holds ${MAX_FILES_PER_DEVICE} files already; rm one first`
			);
		}
		return super.set(name, content);
	}
}

/**
 * Runs one console line on the curl browser `browserId`: its requests go out as that browser,
 * its files are its device's, and the line and its output join the console's history. `clear`
 * empties the history.
 * @throws WorldError when the browser is not a curl console
 */
export async function runConsole(core: WorldCore, browserId: string, line: string): Promise<void> {
	const browser = core.browser(browserId);
	if (browser.kind !== 'curl') {
		throw new WorldError(`${core.label(browserId)} is not a curl console.`);
	}
	const device = core.device(browser.deviceId);
	const files = new DeviceFileStore((device.files ?? []).map((f) => [f.name, f.content]));
	const transport: CurlTransport = {
		now: () => core.clock.now(),
		send: async (request) => (await sendRaw(core, browserId, request)).response
	};
	const result = await runShellLine(line, transport, files);
	device.files = [...files].map(([name, content]) => ({ name, content }));
	if (result.clear) {
		browser.console = [];
		return;
	}
	const output =
		result.text.length > MAX_OUTPUT_CHARS
			? `${result.text.slice(0, MAX_OUTPUT_CHARS)}\n… (output cut at ${MAX_OUTPUT_CHARS} characters)\n`
			: result.text;
	const entries = [...(browser.console ?? []), { line, output, exitCode: result.exitCode }];
	browser.console = entries.slice(-MAX_CONSOLE_ENTRIES);
}
