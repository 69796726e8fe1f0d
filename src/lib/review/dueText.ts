import type { DueCounts } from './due';
import { offsetMinutes, reviewDay, reviewDayStart, type TimeZone } from './reviewDay';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

// Formatting the instant shifted by the zone's offset, in UTC, works for fixed offsets too
// (which Node 20's Intl rejects as zone names).
const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const shift = (at: number, tz: TimeZone) => at + offsetMinutes(at, tz) * MIN;

/** "Tue 3 Mar" on the learner's clock. */
export function localDate(at: number, timeZone: TimeZone): string {
	return dateFormat.format(shift(at, timeZone));
}

/** "20:05" on the learner's clock. */
export function localTime(at: number, timeZone: TimeZone): string {
	return timeFormat.format(shift(at, timeZone));
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A span as a learner says it: "10 min", "5 hours", "2 days", "3 months". For rating buttons. */
export function describeSpan(ms: number): string {
	if (ms < HOUR) return `${Math.max(1, Math.round(ms / MIN))} min`;
	if (ms < DAY) return plural(Math.round(ms / HOUR), 'hour');
	const days = Math.round(ms / DAY);
	if (days < 31) return plural(days, 'day');
	if (days < 365) return plural(Math.round(days / 30), 'month');
	return plural(Math.round((days / 365) * 10) / 10, 'year');
}

/**
 * When a card comes back, counted in review days (4 am to 4 am):
 * "now", "in 10 min (20:05)", "tomorrow (Tue 3 Mar)", "in 5 days (Sat 7 Mar)".
 */
export function describeDue(due: number, now: number, timeZone: TimeZone): string {
	if (due <= now) return 'now';
	const day = reviewDay(due, timeZone);
	const days = day - reviewDay(now, timeZone);
	if (days <= 0) return `in ${describeSpan(due - now)} (${localTime(due, timeZone)})`;
	// Named by the date its review day starts: a card due at 1 am Sunday is Saturday's.
	const date = localDate(reviewDayStart(day, timeZone), timeZone);
	return days === 1 ? `tomorrow (${date})` : `in ${days} days (${date})`;
}

/** The badge: "5 due now, 12 tomorrow"; "Nothing due now, 2 later today"; "Nothing due now, next Sat 7 Mar". */
export function describeCounts(c: DueCounts, timeZone: TimeZone): string {
	const parts = [c.now > 0 ? `${c.now} due now` : 'Nothing due now'];
	if (c.laterToday > 0) parts.push(`${c.laterToday} later today`);
	if (c.tomorrow > 0) parts.push(`${c.tomorrow} tomorrow`);
	if (parts.length === 1 && c.now === 0 && c.nextDue !== null) parts.push(`next ${localDate(reviewDayStart(reviewDay(c.nextDue, timeZone), timeZone), timeZone)}`);
	return parts.join(', ');
}
