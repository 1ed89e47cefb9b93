/** What a parsed `curl` command line asks for, before anything is sent. */

/** One `-H` header: `null` value removes a header curl would add itself (`-H 'Accept:'`). */
export interface CurlHeader {
	name: string;
	value: string | null;
}

/** One `-d`-style piece of the body; pieces are joined with `&` (curl's `-d` docs). */
export type DataPart =
	| { source: 'text'; text: string }
	/** `-d @file` strips CR and LF; `--data-binary @file` keeps them. */
	| { source: 'file'; file: string; stripNewlines: boolean };

/** A `curl` invocation, with the options Session Lab's console understands. */
export interface CurlCommand {
	/** The absolute URL, with `http://` added when the scheme was left out, as curl does. */
	url: string;
	/** The method given with `-X`, or `null` to let curl choose (GET, POST with `-d`, HEAD with `-I`). */
	method: string | null;
	/** `-I`: send HEAD and show the headers only. */
	head: boolean;
	data: DataPart[];
	headers: CurlHeader[];
	/** `-b 'name=value; n2=v2'` strings, sent as they are. */
	cookies: string[];
	/** `-b file`: names of virtual cookie files to read. */
	cookieFiles: string[];
	/** `-c file`: where to write the cookies in Netscape format after the transfer. */
	cookieJar: string | null;
	/** `-D file`: where to write the received headers; `-` is the output. */
	dumpHeader: string | null;
	/** `-o file`: where to write the body instead of the terminal; `-` is the terminal. */
	output: string | null;
	/** `-A`: the User-Agent to send instead of curl's own. */
	userAgent: string | null;
	/** `-e`: the Referer to send; curl's `;auto` suffix is dropped, as redirects keep it here. */
	referer: string | null;
	/** `-u user:password`: sent as HTTP Basic credentials (RFC 7617 §2). */
	user: string | null;
	include: boolean;
	verbose: boolean;
	location: boolean;
	silent: boolean;
	showError: boolean;
}

/** A default command for `url`: a plain GET with no options. */
export function plainCommand(url: string): CurlCommand {
	return {
		url,
		method: null,
		head: false,
		data: [],
		headers: [],
		cookies: [],
		cookieFiles: [],
		cookieJar: null,
		dumpHeader: null,
		output: null,
		userAgent: null,
		referer: null,
		user: null,
		include: false,
		verbose: false,
		location: false,
		silent: false,
		showError: false
	};
}
