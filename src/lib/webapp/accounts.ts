/** The application's user accounts: clear-text passwords in, salted hashes kept. */
import {
	DEFAULT_PBKDF2_ITERATIONS,
	hashPassword,
	verifyPassword,
	type PasswordHash
} from './passwords';
import type { UserAccount, WebAppDeps } from './types';

/** An account as the application stores it. */
export interface StoredAccount extends PasswordHash {
	username: string;
	displayName?: string;
}

/**
 * The accounts. Passwords given in clear text wait in `pending` until {@link Accounts.prepare}
 * hashes them (in the order given, so salts are deterministic); after that only hashes remain.
 */
export class Accounts {
	#pending: UserAccount[];
	#stored = new Map<string, StoredAccount>();
	#iterations: number;
	#preparing: Promise<void> | null = null;

	constructor(
		users: readonly UserAccount[] = [],
		stored: readonly StoredAccount[] = [],
		iterations = DEFAULT_PBKDF2_ITERATIONS
	) {
		this.#iterations = iterations;
		const seen = new Set<string>();
		for (const user of [...stored, ...users]) {
			if (seen.has(user.username)) throw new Error(`Duplicate user name: ${user.username}`);
			seen.add(user.username);
		}
		for (const account of stored) this.#stored.set(account.username, { ...account });
		this.#pending = users.map((user) => ({ ...user }));
	}

	/** PBKDF2 iterations for new hashes. */
	get iterations(): number {
		return this.#iterations;
	}

	/** Hashes the pending passwords, once; later calls wait for the same work. */
	prepare(random: WebAppDeps['random']): Promise<void> {
		if (this.#pending.length === 0) return this.#preparing ?? Promise.resolve();
		const pending = this.#pending;
		this.#pending = [];
		const previous = this.#preparing ?? Promise.resolve();
		// Salts are drawn now, synchronously and in order, so concurrent work stays deterministic.
		const salted = pending.map((user) => ({
			user,
			draw: hashPassword(user.password, random, this.#iterations)
		}));
		this.#preparing = previous.then(async () => {
			for (const { user, draw } of salted) {
				const hash = await draw;
				const account: StoredAccount = { username: user.username, ...hash };
				if (user.displayName !== undefined) account.displayName = user.displayName;
				this.#stored.set(user.username, account);
			}
		});
		return this.#preparing;
	}

	/** Whether the username and password match an account. */
	async verify(username: string, password: string): Promise<boolean> {
		const account = this.#stored.get(username);
		if (!account) return false;
		return verifyPassword(password, account);
	}

	/** The name to show for a user. */
	displayName(username: string): string {
		return this.#stored.get(username)?.displayName ?? username;
	}

	/** Hashed accounts, for snapshots. */
	stored(): StoredAccount[] {
		return [...this.#stored.values()].map((account) => ({ ...account }));
	}

	/** Accounts not hashed yet (clear text), for snapshots taken before {@link Accounts.prepare}. */
	pending(): UserAccount[] {
		return this.#pending.map((user) => ({ ...user }));
	}
}
