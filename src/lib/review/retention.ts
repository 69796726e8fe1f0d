/** Desired retention: the chance of recalling a card when it comes due. */
export const RETENTION = { min: 0.8, max: 0.97, default: 0.9 } as const;

/** Into RETENTION.min..max, to the hundredth; the default for anything that is not a number. */
export function clampRetention(value: unknown): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) return RETENTION.default;
	return Math.min(RETENTION.max, Math.max(RETENTION.min, Math.round(value * 100) / 100));
}
