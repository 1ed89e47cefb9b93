/**
 * Checks a value against the HAR 1.2 structure: required fields, their types, and that every
 * field is either one the spec defines or a custom one starting with `_` (HAR 1.2, "Custom
 * fields").
 */
import * as v from 'valibot';

const isoDate = v.pipe(
	v.string(),
	v.regex(
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
		'is not an ISO 8601 date'
	)
);
const size = v.pipe(v.number(), v.integer(), v.minValue(-1));
const comment = v.optional(v.string());

const nameValue = v.strictObject({ name: v.string(), value: v.string(), comment });
const cookie = v.strictObject({
	name: v.string(),
	value: v.string(),
	path: v.optional(v.string()),
	domain: v.optional(v.string()),
	expires: v.optional(v.nullable(isoDate)),
	httpOnly: v.optional(v.boolean()),
	secure: v.optional(v.boolean()),
	comment
});
const param = v.strictObject({
	name: v.string(),
	value: v.optional(v.string()),
	fileName: v.optional(v.string()),
	contentType: v.optional(v.string()),
	comment
});
const postData = v.strictObject({
	mimeType: v.string(),
	params: v.optional(v.array(param)),
	text: v.optional(v.string()),
	comment
});
const request = v.strictObject({
	method: v.pipe(v.string(), v.minLength(1)),
	url: v.pipe(v.string(), v.url()),
	httpVersion: v.string(),
	cookies: v.array(cookie),
	headers: v.array(nameValue),
	queryString: v.array(nameValue),
	postData: v.optional(postData),
	headersSize: size,
	bodySize: size,
	comment
});
const response = v.strictObject({
	status: v.pipe(v.number(), v.integer()),
	statusText: v.string(),
	httpVersion: v.string(),
	cookies: v.array(cookie),
	headers: v.array(nameValue),
	content: v.strictObject({
		size: v.pipe(v.number(), v.integer()),
		compression: v.optional(v.number()),
		mimeType: v.string(),
		text: v.optional(v.string()),
		encoding: v.optional(v.string()),
		comment
	}),
	redirectURL: v.string(),
	headersSize: size,
	bodySize: size,
	comment
});
/** send, wait and receive must not be -1; the others may be (HAR 1.2 "timings"). */
const required = v.pipe(v.number(), v.minValue(0));
const optionalTiming = v.optional(v.pipe(v.number(), v.minValue(-1)));
const timings = v.strictObject({
	blocked: optionalTiming,
	dns: optionalTiming,
	connect: optionalTiming,
	send: required,
	wait: required,
	receive: required,
	ssl: optionalTiming,
	comment
});
const cacheEntry = v.strictObject({
	expires: v.optional(isoDate),
	lastAccess: isoDate,
	eTag: v.string(),
	hitCount: v.number(),
	comment
});
const entry = v.pipe(
	v.strictObject({
		pageref: v.optional(v.string()),
		startedDateTime: isoDate,
		time: v.pipe(v.number(), v.minValue(0)),
		request,
		response,
		cache: v.strictObject({
			beforeRequest: v.optional(v.nullable(cacheEntry)),
			afterRequest: v.optional(v.nullable(cacheEntry)),
			comment
		}),
		timings,
		serverIPAddress: v.optional(v.string()),
		connection: v.optional(v.string()),
		comment
	}),
	v.check((value) => {
		const { blocked = -1, dns = -1, connect = -1, send, wait, receive } = value.timings;
		const sum = [blocked, dns, connect, send, wait, receive].filter((t) => t > 0);
		return Math.abs(sum.reduce((a, b) => a + b, 0) - value.time) < 1e-6;
	}, 'time is not the sum of the timings')
);
const page = v.strictObject({
	startedDateTime: isoDate,
	id: v.string(),
	title: v.string(),
	pageTimings: v.strictObject({
		onContentLoad: v.optional(v.number()),
		onLoad: v.optional(v.number()),
		comment
	}),
	comment
});
const software = v.strictObject({ name: v.string(), version: v.string(), comment });
const har = v.strictObject({
	log: v.strictObject({
		version: v.string(),
		creator: software,
		browser: v.optional(software),
		pages: v.optional(v.array(page)),
		entries: v.array(entry),
		comment
	})
});

/** A deep copy without custom (`_`-prefixed) fields, which the spec allows anywhere. */
function withoutCustomFields(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutCustomFields);
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value)) {
		if (!key.startsWith('_')) copy[key] = withoutCustomFields(field);
	}
	return copy;
}

/** Every place where `value` breaks the HAR 1.2 structure, as `path: problem`; empty when valid. */
export function validateHar(value: unknown): string[] {
	const result = v.safeParse(har, withoutCustomFields(value), { abortEarly: false });
	if (result.success) {
		return result.output.log.version === '1.2' || result.output.log.version === '1.1'
			? []
			: [`log.version: expected "1.2", got ${JSON.stringify(result.output.log.version)}`];
	}
	return result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}
