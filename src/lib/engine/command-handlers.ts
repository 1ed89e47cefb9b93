/** One handler per command type: the table the world runs every command through. */
import { crossSite, eavesdrop, xss } from './attacks';
import { navigate, pressGet, pressSet, sendRaw, submitForm } from './browser-agent';
import type { Command, CommandType } from './commands';
import { embed, setThirdPartyPolicy } from './embed';
import {
	addBrowser,
	addDevice,
	addPerson,
	closeBrowser,
	openBrowser,
	remove,
	sit
} from './entities';
import { addNetwork, moveDevice, reconnect } from './networks';
import { runConsole } from './curl-console';
import { advance } from './timers';
import { WorldError, type WorldCore } from './world-core';
import { commandBoundsProblem } from './input-limits';
import { cookieEditProblem } from './cookie-edit-rules';

/** Runs one command of type `K` against the world's state. */
type Handler<K extends CommandType> = (
	core: WorldCore,
	command: Extract<Command, { type: K }>
) => void | Promise<unknown>;

/** Command type → handler. A new command type does not compile until it has a row here. */
export const COMMAND_HANDLERS: { readonly [K in CommandType]: Handler<K> } = {
	'add-network': (core, c) => addNetwork(core, c.kind, c.name, c.open),
	'add-device': addDevice,
	'add-browser': addBrowser,
	'add-person': addPerson,
	remove: (core, c) => remove(core, c.id),
	'move-device': (core, c) => moveDevice(core, c.deviceId, c.networkId),
	reconnect: (core, c) => reconnect(core, c.networkId),
	sit: (core, c) => sit(core, c.personId, c.deviceId),
	'open-browser': (core, c) => openBrowser(core, c.browserId),
	'close-browser': (core, c) => closeBrowser(core, c.browserId),
	'clear-cookies': (core, c) => {
		core.jar(c.browserId).clear();
		core.stores(c.browserId).partitions.clear();
		core.act('clear-cookies', `Cookies cleared in ${core.label(c.browserId)}.`, [c.browserId]);
	},
	'delete-cookie': (core, c) => {
		core.jar(c.browserId).delete(c.cookie);
		core.act('delete-cookie', `Cookie ${c.cookie.name} deleted in ${core.label(c.browserId)}.`, [
			c.browserId
		]);
	},
	'put-cookie': (core, c) => {
		const problem = cookieEditProblem(c.cookie);
		if (problem)
			throw new WorldError(`Cookie ${c.cookie.name || '(no name)'} not saved. ${problem}`);
		core.jar(c.browserId).put({ ...c.cookie, created: core.clock.now() });
		core.act('put-cookie', `Cookie ${c.cookie.name} pasted into ${core.label(c.browserId)}.`, [
			c.browserId
		]);
	},
	'type-code': (core, c) => {
		core.browser(c.browserId).page.code = c.code;
	},
	navigate: (core, c) => navigate(core, c.browserId, c.url, 'navigate'),
	'press-set': (core, c) => pressSet(core, c.browserId, c.code),
	'press-get': (core, c) => pressGet(core, c.browserId),
	'submit-form': (core, c) => submitForm(core, c.browserId, c.action, c.fields),
	'cross-site': (core, c) => crossSite(core, c.browserId, c.target),
	embed: (core, c) => embed(core, c.browserId, c.url),
	'third-party-cookies': (core, c) => setThirdPartyPolicy(core, c.browserId, c.policy),
	raw: (core, c) => sendRaw(core, c.browserId, c.request),
	curl: (core, c) => runConsole(core, c.browserId, c.line),
	advance: (core, c) => advance(core, c.milliseconds),
	'restart-server': (core) => {
		// Beliefs in forgotten sessions end with them; sessions in a persistent store live on.
		core.tracker.end(core.server.restart());
		core.act('restart-server', 'The server restarts.', ['server']);
	},
	'configure-server': (core, c) => {
		core.server.configure(c.changes);
		core.siteUrl = core.site.siteUrlAfter(core.siteUrl, c.changes);
		core.act('configure-server', `Server settings changed: ${describeChanges(c.changes)}.`, [
			'server'
		]);
	},
	note: (core, c) => core.act('note', c.text, []),
	eavesdrop: (core, c) => eavesdrop(core, c.attackerBrowserId, c.exchangeId),
	xss: (core, c) => xss(core, c.victimBrowserId, c.attackerBrowserId)
};

/** Runs a command through its handler. */
export function runCommand(core: WorldCore, command: Command): void | Promise<unknown> {
	const problem = commandBoundsProblem(command, core.clock.now());
	if (problem) throw new WorldError(problem);
	const handler = COMMAND_HANDLERS[command.type] as Handler<CommandType>;
	return handler(core, command);
}

function describeChanges(changes: Record<string, unknown>): string {
	return Object.entries(changes)
		.map(([key, value]) => `${key} = ${JSON.stringify(value)}`)
		.join(', ');
}
