/** Plain sentences for valibot issues, shared by every schema that reads outside data. */
import * as v from 'valibot';

/** Where an issue is, as in `browsers[0].cookies[2].expires`; `root` names the top level. */
export function issuePath(issue: v.BaseIssue<unknown>, root = 'snapshot'): string {
	let path = '';
	for (const item of issue.path ?? []) {
		const key: unknown = item.key;
		if (typeof key === 'number') path += `[${key}]`;
		else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
			path += path ? `.${key}` : key;
		else path += `[${JSON.stringify(String(key))}]`;
	}
	return path || root;
}

const TYPE_WORDS: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	boolean: 'true or false',
	array: 'an array',
	object: 'an object',
	loose_object: 'an object',
	strict_object: 'an object',
	record: 'an object',
	null: 'null'
};

/** A short sentence for one valibot issue, without its path: "expected a number". */
export function issueProblem(issue: v.BaseIssue<unknown>): string {
	const lastKey = issue.path?.at(-1)?.key;
	if (issue.kind === 'schema' && issue.expected?.startsWith('"') && issue.input === undefined) {
		if (typeof lastKey === 'string' && issue.expected === JSON.stringify(lastKey))
			return 'is missing';
	}
	if (issue.type === 'strict_object' && issue.expected === 'never') return 'is not a known field';
	if (TYPE_WORDS[issue.type]) return `expected ${TYPE_WORDS[issue.type]}`;
	switch (issue.type) {
		case 'finite':
			return 'expected a finite number';
		case 'integer':
			return 'expected a whole number';
		case 'safe_integer':
			return 'expected a whole number';
		case 'min_value':
			return `expected a number ${issue.expected?.replace('>=', '≥ ') ?? 'in range'}`;
		case 'max_value':
			return `expected a number ${issue.expected?.replace('<=', '≤ ') ?? 'in range'}`;
		case 'length':
			return `expected exactly ${issue.requirement as number} items`;
		case 'min_length':
			return 'must not be empty';
		case 'max_length':
			return `is longer than ${issue.requirement as number}`;
		case 'literal':
			return `expected ${issue.expected}`;
		case 'picklist':
		case 'variant':
			return `expected one of ${(issue.expected ?? '').replace(/^\((.*)\)$/, '$1').replaceAll(' | ', ', ')}`;
		default:
			return issue.message;
	}
}

/** Parse config that writes every valibot message as {@link issueProblem} does. */
export const PLAIN_MESSAGES: v.Config<v.BaseIssue<unknown>> = {
	abortEarly: true,
	message: (issue) => issueProblem(issue)
};
