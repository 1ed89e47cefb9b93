/** People, devices and browsers: adding, seating, opening, closing and removing them. */
import type { Command } from './commands';
import { BrowserJar } from './jar';
import { pinnedSettings } from './browser-rules';
import { blankPage, type Browser, type PageState } from './model';
import { freePrivateIp } from './networks';
import { jarOptions, WorldError, type WorldCore } from './world-core';

/** Person colours (Okabe–Ito); the name always goes with the colour. */
const PERSON_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442'];

type Of<K extends Command['type']> = Extract<Command, { type: K }>;

/** The page a browser shows when it opens: the site's start page. */
function startPage(core: WorldCore): PageState {
	return { ...blankPage(), view: core.site.startView };
}

/** A device joins a network. */
export function addDevice(core: WorldCore, command: Of<'add-device'>): void {
	core.network(command.networkId);
	const privateIp = freePrivateIp(core, command.networkId);
	const id = `d${++core.counters.device}`;
	core.devices.set(id, {
		id,
		kind: command.kind,
		name: command.name,
		networkId: command.networkId,
		privateIp
	});
	core.act('add-device', `${command.name} joins ${core.networkTitle(command.networkId)}.`, [id]);
}

/** A browser with an empty jar, open on the site. */
export function addBrowser(core: WorldCore, command: Of<'add-browser'>): void {
	core.device(command.deviceId);
	const id = `b${++core.counters.browser}`;
	const browser: Browser = {
		id,
		kind: command.kind,
		deviceId: command.deviceId,
		open: true,
		url: core.siteUrl,
		page: startPage(core),
		...pinnedSettings(command.kind, core.pins)
	};
	core.browsers.set(id, browser);
	core.jars.set(id, new BrowserJar(jarOptions(browser)));
	core.act('add-browser', `${core.label(id)} opens.`, [id]);
}

/** A person, seated at a device if the command names one. */
export function addPerson(core: WorldCore, command: Of<'add-person'>): void {
	const id = `p${++core.counters.person}`;
	core.people.set(id, {
		id,
		name: command.name,
		color: command.color ?? PERSON_COLORS[(core.counters.person - 1) % PERSON_COLORS.length],
		knows: command.knows ?? [],
		deviceId: null,
		attacker: command.attacker ?? false
	});
	if (command.deviceId) sit(core, id, command.deviceId);
	core.act('add-person', `${command.name} enters the world.`, [id]);
}

/** A person sits at a device (whoever sat there stands up), or walks away with `null`. */
export function sit(core: WorldCore, personId: string, deviceId: string | null): void {
	const person = core.person(personId);
	if (deviceId !== null) {
		const device = core.device(deviceId);
		const current = core.personAt(deviceId);
		if (current && current.id !== personId) current.deviceId = null;
		person.deviceId = deviceId;
		core.act('sit', `${person.name} sits at ${device.name}.`, [personId, deviceId]);
	} else {
		person.deviceId = null;
		core.act('sit', `${person.name} walks away.`, [personId]);
	}
}

/** Removes a person, browser, device (with its browsers) or empty network. */
export function remove(core: WorldCore, id: string): void {
	if (core.people.delete(id)) return core.act('remove', `Person ${id} leaves.`, [id]);
	if (core.browsers.has(id)) {
		const label = core.label(id);
		core.browsers.delete(id);
		core.jars.delete(id);
		core.partitions.delete(id);
		core.hsts.forget(id);
		return core.act('remove', `${label} is removed.`, [id]);
	}
	if (core.devices.has(id)) {
		for (const browser of [...core.browsers.values()])
			if (browser.deviceId === id) remove(core, browser.id);
		for (const person of core.people.values()) if (person.deviceId === id) person.deviceId = null;
		const name = core.devices.get(id)!.name;
		core.devices.delete(id);
		return core.act('remove', `${name} is removed.`, [id]);
	}
	if (core.networks.has(id)) {
		if ([...core.devices.values()].some((d) => d.networkId === id)) {
			throw new WorldError('Move or remove the devices on this network first.');
		}
		core.networks.delete(id);
		return core.act('remove', `Network ${id} is removed.`, [id]);
	}
	throw new WorldError(`Nothing with id ${id} to remove.`);
}

/** The browser reopens on the site's home page. */
export function openBrowser(core: WorldCore, browserId: string): void {
	const browser = core.browser(browserId);
	browser.open = true;
	browser.page = startPage(core);
	browser.url = core.siteUrl;
	core.act('open-browser', `${core.label(browser.id)} opens.`, [browser.id]);
}

/**
 * The browser closes: session cookies go (RFC 6265bis §5.7, cookies without Expires or Max-Age
 * last until "the current session is over"); a private window loses every cookie.
 */
export function closeBrowser(core: WorldCore, browserId: string): void {
	const browser = core.browser(browserId);
	browser.open = false;
	const jar = core.jar(browser.id);
	const privateWindow = browser.kind === 'Private window';
	const partitions = core.stores(browser.id).partitions;
	if (privateWindow) {
		jar.clear();
		partitions.clear();
	} else {
		jar.dropSessionCookies();
		partitions.dropSessionCookies();
	}
	browser.page = blankPage();
	const what = privateWindow ? 'all its cookies go' : 'its session cookies go';
	core.act('close-browser', `${core.label(browser.id)} closes: ${what}.`, [browser.id]);
}
