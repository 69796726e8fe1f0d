/**
 * Item statistics as Moodle's quiz statistics report computes them
 * (moodle/moodle question/classes/statistics/questions/calculator.php, `initial_question_walker`
 * and `secondary_question_walker`; documented at docs.moodle.org/en/Quiz_statistics_calculations).
 *
 * For an item i, over the n attempts that contain it, with x = the mark on i and y = the attempt's
 * total minus x (the "rest of the test"):
 *   facility index            F  = mean(x) / max mark                (0..1 here; Moodle prints it as a %)
 *   discrimination index      D  = 100 · Cov(x, y) / √(Var(x) · Var(y))   (null when a variance is 0)
 *   discriminative efficiency DE = 100 · Cov(x, y) / CovMax(x, y)          (null when CovMax is 0)
 * where Var and Cov divide by n − 1, and CovMax is the covariance of x and y each sorted ascending
 * (the largest covariance those marks could have). Every item here has a max mark of 1.
 * This is not the older upper-minus-lower-third index: Moodle replaced that with the correlation above.
 */
export type ItemStatistics = {
	itemId: string;
	/** Attempts that contained the item. */
	n: number;
	facility: number | null;
	sd: number | null;
	discriminationIndex: number | null;
	discriminativeEfficiency: number | null;
};

/** One attempt: its items' marks (0..1), unanswered items included as 0. */
export type MarkedAttempt = Map<string, number>;

export function itemStatistics(attempts: MarkedAttempt[], itemIds: string[]): ItemStatistics[] {
	const totals = attempts.map((a) => [...a.values()].reduce((s, m) => s + m, 0));
	return itemIds.map((itemId) => {
		const x: number[] = [];
		const y: number[] = [];
		attempts.forEach((a, k) => {
			const mark = a.get(itemId);
			if (mark === undefined) return;
			x.push(mark);
			y.push(totals[k] - mark);
		});
		const n = x.length;
		if (n === 0) return { itemId, n, facility: null, sd: null, discriminationIndex: null, discriminativeEfficiency: null };
		const mx = mean(x);
		const my = mean(y);
		if (n < 2) return { itemId, n, facility: mx, sd: null, discriminationIndex: null, discriminativeEfficiency: null };
		const varX = sumOf(x, (v) => (v - mx) ** 2) / (n - 1);
		const varY = sumOf(y, (v) => (v - my) ** 2) / (n - 1);
		const cov = sumOf(x, (v, i) => (v - mx) * (y[i] - my)) / (n - 1);
		const xs = [...x].sort((a, b) => a - b);
		const ys = [...y].sort((a, b) => a - b);
		const covMax = sumOf(xs, (v, i) => (v - mx) * (ys[i] - my)) / (n - 1);
		return {
			itemId,
			n,
			facility: mx,
			sd: Math.sqrt(varX),
			discriminationIndex: varX * varY ? (100 * cov) / Math.sqrt(varX * varY) : null,
			discriminativeEfficiency: covMax ? (100 * cov) / covMax : null
		};
	});
}

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sumOf = (v: number[], f: (x: number, i: number) => number) => v.reduce((s, x, i) => s + f(x, i), 0);
