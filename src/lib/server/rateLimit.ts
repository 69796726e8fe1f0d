/**
 * A sliding-window counter per client address: at most `limit` events in any `windowMs`.
 * In memory, so it resets on restart and covers one server process (the deployment is one process).
 */
export class RateLimit {
	#hits = new Map<string, number[]>();
	readonly limit: number;
	readonly windowMs: number;

	constructor(limit: number, windowMs = 60_000) {
		this.limit = limit;
		this.windowMs = windowMs;
	}

	/** Counts an event for `address` and says whether it is allowed. */
	take(address: string, now: number): boolean {
		const since = now - this.windowMs;
		const recent = (this.#hits.get(address) ?? []).filter((t) => t > since);
		if (recent.length >= this.limit) {
			this.#hits.set(address, recent);
			return false;
		}
		recent.push(now);
		this.#hits.set(address, recent);
		if (this.#hits.size > 10_000) this.#sweep(since);
		return true;
	}

	#sweep(since: number) {
		for (const [address, times] of this.#hits) if (times.every((t) => t <= since)) this.#hits.delete(address);
	}
}

/** Attempt starts per address per minute: `PASSAGE_RATE_LIMIT`, default 20 (a shared school address may need more). */
export function attemptLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
	const n = Number(env.PASSAGE_RATE_LIMIT);
	return Number.isInteger(n) && n > 0 ? n : 20;
}

let attemptStarts: RateLimit | undefined;
export function attemptStartLimit(): RateLimit {
	attemptStarts ??= new RateLimit(attemptLimitFromEnv());
	return attemptStarts;
}
