/** The offset (ms) of `timeZone` from UTC at the instant `utc`. */
function offsetAt(utc: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(utc));
	const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utc / 1000) * 1000;
}

export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm`, as a datetime-local input posts it) has in `timeZone`.
 * Null for malformed input. A time skipped by a DST change moves forward by the gap.
 */
export function zonedToUtc(local: string, timeZone: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
	if (!m || !isTimeZone(timeZone)) return null;
	const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
	if (Number.isNaN(wall)) return null;
	// Two passes settle the offset, including near a DST change.
	let utc = wall - offsetAt(wall, timeZone);
	utc = wall - offsetAt(utc, timeZone);
	return utc;
}

/** A due date as people read it, in the zone it was set in: "Tue, 1 Dec 2026, 17:00 (Europe/London)". */
export function formatInZone(utc: number, timeZone: string): string {
	const text = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	}).format(new Date(utc));
	return `${text} (${timeZone})`;
}
