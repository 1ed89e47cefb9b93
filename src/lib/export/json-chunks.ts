/**
 * Big documents as JSON files without holding the page up: the big arrays inside a document
 * (a crowd's 100,000 exchanges) are written a few hundred items per task, and the text goes
 * into a Blob piece by piece instead of one giant string. The file is byte for byte what
 * `JSON.stringify(document, null, indent)` gives.
 */
import { runInChunks, type ChunkScheduler } from '$lib/state/chunks';
import { BlobBuilder } from './blob-builder';

/** Stands for a big array in a document handed to {@link jsonBlobInChunks}. */
export class ChunkedArray {
	/**
	 * @param length how many items
	 * @param item the item at an index, made when it is written (`undefined` is written `null`)
	 */
	constructor(
		readonly length: number,
		readonly item: (index: number) => unknown
	) {}

	/** An array as it stands. */
	static of(items: readonly unknown[]): ChunkedArray {
		return new ChunkedArray(items.length, (index) => items[index]);
	}
}

/** Options of {@link jsonBlobInChunks}. */
export interface JsonChunkOptions {
	/** The Blob's MIME type. */
	type: string;
	/** Text appended after the JSON, such as a final newline. */
	trailer?: string;
	scheduler?: ChunkScheduler;
	budgetMs?: number;
}

/** `JSON.stringify(document, null, indent)` as a Blob, its big arrays written in chunks. */
export async function jsonBlobInChunks(
	document: unknown,
	indent: string,
	options: JsonChunkOptions
): Promise<Blob> {
	const { skeleton, arrays, marker } = skeletonOf(document, indent);
	const builder = new BlobBuilder();
	const write = (part: string) => builder.write(part);
	let from = 0;
	for (let index = 0; index < arrays.length; index++) {
		const at = skeleton.indexOf(marker(index), from);
		write(skeleton.slice(from, at));
		await writeArray(arrays[index], depthAt(skeleton, at, indent), indent, write, options);
		from = at + marker(index).length;
	}
	write(skeleton.slice(from));
	if (options.trailer) write(options.trailer);
	return builder.build(options.type);
}

/**
 * The document's JSON with a marker string where each chunked array goes. A marker holds a
 * NUL, which JSON writes escaped; should a string of the document hold the very same text,
 * the markers are made again with another number, so that each one is found exactly once.
 */
function skeletonOf(document: unknown, indent: string) {
	for (let round = 0; ; round++) {
		const arrays: ChunkedArray[] = [];
		const markerText = (index: number) => `\u0000chunked array ${round}:${index}\u0000`;
		const skeleton = JSON.stringify(
			document,
			(_key, value: unknown) => {
				if (!(value instanceof ChunkedArray)) return value;
				arrays.push(value);
				return markerText(arrays.length - 1);
			},
			indent
		);
		const marker = (index: number) => JSON.stringify(markerText(index));
		const unique = arrays.every((_, index) => {
			const at = skeleton.indexOf(marker(index));
			return skeleton.indexOf(marker(index), at + 1) === -1;
		});
		if (unique) return { skeleton, arrays, marker };
	}
}

/** How many indents start the line that holds position `at`. */
function depthAt(text: string, at: number, indent: string): number {
	if (!indent) return 0;
	let position = text.lastIndexOf('\n', at) + 1;
	let depth = 0;
	while (text.startsWith(indent, position) && position < at) {
		depth++;
		position += indent.length;
	}
	return depth;
}

/** Writes an array whose opening bracket sits on a line `depth` indents deep. */
async function writeArray(
	array: ChunkedArray,
	depth: number,
	indent: string,
	write: (part: string) => void,
	options: JsonChunkOptions
): Promise<void> {
	if (array.length === 0) return write('[]');
	const inner = indent ? `\n${indent.repeat(depth + 1)}` : '';
	write('[');
	await runInChunks(
		array.length,
		async (index) => {
			const json = JSON.stringify(array.item(index), null, indent) ?? 'null';
			write(`${index === 0 ? '' : ','}${inner}${indent ? json.replaceAll('\n', inner) : json}`);
		},
		{ scheduler: options.scheduler, budgetMs: options.budgetMs }
	);
	write(indent ? `\n${indent.repeat(depth)}]` : ']');
}
