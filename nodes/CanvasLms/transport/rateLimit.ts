// Canvas's throttle is a leaky bucket per token that drains by about 10 units a second and
// reports what is left in X-Rate-Limit-Remaining. Below this level the node waits a little
// before each request, so that a long run of items slows down instead of being throttled.
const LOW_REMAINING = 150;
const DRAIN_PER_SECOND = 10;
const MAX_PACING_MS = 15_000;

/** What the last Canvas answer said about the token's throttle budget, shared across items. */
export class RateLimitState {
	private remaining: number | undefined;

	observe(headers: Record<string, unknown>): void {
		const value = Number(headers['x-rate-limit-remaining']);
		if (Number.isFinite(value)) this.remaining = value;
	}

	/** How long to wait before the next request, in milliseconds. */
	pacingDelayMs(): number {
		if (this.remaining === undefined || this.remaining >= LOW_REMAINING) return 0;
		const missing = LOW_REMAINING - Math.max(0, this.remaining);
		return Math.min(MAX_PACING_MS, Math.round((missing / DRAIN_PER_SECOND) * 1000));
	}
}
