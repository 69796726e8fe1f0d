export type Cell = string | number | boolean | null | undefined;

/**
 * One CSV cell. Text that a spreadsheet would read as a formula (=, +, -, @, tab, CR at the start)
 * gets a leading apostrophe (OWASP "CSV injection"); every cell is quoted.
 */
export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return `"${text.replace(/"/g, '""')}"`;
}

/** RFC 4180: CRLF line ends, a header row first. */
export function toCsv(header: string[], rows: Cell[][]): string {
	return [header.map(csvCell), ...rows.map((r) => r.map(csvCell))].map((r) => r.join(',')).join('\r\n') + '\r\n';
}
