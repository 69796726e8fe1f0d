/**
 * The learner's review day. ts-fsrs counts days in UTC; a learner's "today" runs from
 * 4 am to 4 am on their own wall clock (Anki's rollover), so a review done at 11 pm
 * and one done at 1 am fall on the same day.
 */

/** Hour of the local wall clock at which a new review day begins. */
export const DAY_STARTS_AT_HOUR = 4;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/**
 * An IANA zone name (`America/Los_Angeles`) or a fixed offset (`-08:00`, `+10:00`, `UTC+5:30`).
 * Node 20's Intl rejects offset strings, so those are handled here.
 */
export type TimeZone = string;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
	let f = formats.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formats.set(timeZone, f);
	}
	return f;
}

function fixedOffset(timeZone: string): number | null {
	const m = OFFSET.exec(timeZone.trim());
	if (!m) return null;
	const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
	return m[1] === '-' ? -minutes : minutes;
}

/** True for a zone Intl knows or a fixed offset within ±14 h. */
export function isTimeZone(timeZone: string): boolean {
	const fixed = fixedOffset(timeZone);
	if (fixed !== null) return Math.abs(fixed) <= 14 * 60;
	try {
		formatFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The zone to use: the one given when valid, else UTC (a bad zone must not break review). */
export function resolveTimeZone(timeZone: string | null | undefined): TimeZone {
	return timeZone && isTimeZone(timeZone) ? timeZone : 'UTC';
}

/** Minutes the zone's wall clock is ahead of UTC at instant `at`. */
export function offsetMinutes(at: number, timeZone: TimeZone): number {
	const fixed = fixedOffset(timeZone);
	if (fixed !== null) return fixed;
	const parts: Record<string, number> = {};
	for (const p of formatFor(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return Math.round((wall - (at - (at % 1000))) / 60_000);
}

/** The review day (days since 1970-01-01 on the shifted wall clock) that contains instant `at`. */
export function reviewDay(at: number, timeZone: TimeZone): number {
	const wall = at + offsetMinutes(at, timeZone) * 60_000;
	return Math.floor((wall - DAY_STARTS_AT_HOUR * HOUR) / DAY);
}

/** The instant review day `day` begins: 4 am on that date's local wall clock. */
export function reviewDayStart(day: number, timeZone: TimeZone): number {
	const wall = day * DAY + DAY_STARTS_AT_HOUR * HOUR;
	// The offset at the target depends on the target; two refinements settle it, even across DST.
	let at = wall - offsetMinutes(wall, timeZone) * 60_000;
	at = wall - offsetMinutes(at, timeZone) * 60_000;
	return at;
}

export type DayBounds = {
	/** The review day containing `now`. */
	today: number;
	/** When today began, and when tomorrow and the day after begin (epoch ms). */
	todayStart: number;
	tomorrowStart: number;
	dayAfterStart: number;
};

/** Today's boundaries, computed once so a deck of thousands is compared with plain numbers. */
export function dayBounds(now: number, timeZone: TimeZone): DayBounds {
	const today = reviewDay(now, timeZone);
	return {
		today,
		todayStart: reviewDayStart(today, timeZone),
		tomorrowStart: reviewDayStart(today + 1, timeZone),
		dayAfterStart: reviewDayStart(today + 2, timeZone)
	};
}

/** The learner's zone as the browser reports it. */
export function browserTimeZone(): TimeZone {
	return resolveTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
}
