/** Virtual time: moving the clock, and the session and cookie expiries it passes on the way. */
import { WorldError, type WorldCore } from './world-core';

/** The earliest future timer: a cookie or session expiry, or `null` when none is set. */
export function nextWakeup(core: WorldCore): number | null {
	const now = core.clock.now();
	let next = core.server.nextWakeup();
	if (next !== null && next <= now) next = now;
	for (const jar of core.jars.values()) {
		const expiry = jar.nextExpiry(now);
		if (expiry !== null && (next === null || expiry < next)) next = expiry;
	}
	return next;
}

/** Moves the clock forward, firing each timer at its own time on the way. */
export function advance(core: WorldCore, milliseconds: number): void {
	if (!(milliseconds >= 0)) throw new WorldError('Time only moves forward.');
	const target = core.clock.now() + milliseconds;
	for (;;) {
		const next = nextWakeup(core);
		if (next === null || next > target) break;
		core.clock.jumpTo(Math.max(next, core.clock.now()));
		fireTimers(core);
	}
	core.clock.jumpTo(target);
}

/** The server drops timed-out sessions; jars drop expired cookies (RFC 6265bis §5.7). */
function fireTimers(core: WorldCore): void {
	const now = core.clock.now();
	const ended = core.server.expire(now);
	core.tracker.end(ended);
	for (const id of ended) {
		const label = core.tracker.get(id)?.label ?? 'a session';
		core.act('session-expired', `The server removes ${label}: its timeout has passed.`, [id]);
	}
	for (const [browserId, jar] of core.jars) {
		for (const cookie of jar.expire(now)) {
			core.act('cookie-expired', `Cookie ${cookie.name} expires in ${core.label(browserId)}.`, [
				browserId
			]);
		}
	}
}
