const capacity = 700;
const outflowPerSecond = 10;

/**
 * A leaky bucket like Canvas's request throttle, only for the headers: bursts of requests see
 * X-Rate-Limit-Remaining fall, and it refills at rest. It never throttles by itself.
 */
export class RateMeter {
	private remaining = capacity;
	private lastAt = Date.now();

	charge(durationMs: number) {
		const now = Date.now();
		this.remaining = Math.min(
			capacity,
			this.remaining + ((now - this.lastAt) / 1000) * outflowPerSecond,
		);
		this.lastAt = now;
		const cost = 0.5 + durationMs / 100;
		this.remaining = Math.max(0, this.remaining - cost);
		return { cost: cost.toFixed(4), remaining: this.remaining.toFixed(4) };
	}

	reset() {
		this.remaining = capacity;
		this.lastAt = Date.now();
	}
}
