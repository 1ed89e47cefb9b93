/** What a device's curl console keeps in the world, and the bounds a saved world holds it to. */

/** One line run at a console, and what it printed. */
export interface ConsoleEntry {
	line: string;
	output: string;
	exitCode: number;
}

/** A file on a device, written by `curl -c`, `-D` or `-o`. */
export interface DeviceFile {
	name: string;
	content: string;
}

/** Most files one device keeps. */
export const MAX_FILES_PER_DEVICE = 50;
/** Longest file, in characters. */
export const MAX_FILE_CHARS = 65_536;
/** Most lines a console keeps; older ones scroll away. */
export const MAX_CONSOLE_ENTRIES = 100;
/** Longest output kept for one line, in characters. */
export const MAX_OUTPUT_CHARS = 65_536;
