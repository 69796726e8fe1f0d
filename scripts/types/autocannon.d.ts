// The few parts of autocannon 8 the benches use (it ships no types; @types/autocannon is not installed).
declare module 'autocannon' {
	type Histogram = { p50: number; p99: number; average: number };
	type Request = {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
		setupRequest?: (request: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
	};
	type Options = {
		url: string;
		connections?: number;
		duration?: number;
		amount?: number;
		overallRate?: number;
		method?: string;
		headers?: Record<string, string>;
		body?: string;
		requests?: Request[];
	};
	type Result = {
		latency: Histogram;
		duration: number;
		'2xx': number;
		non2xx: number;
		errors: number;
		timeouts: number;
	};
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
