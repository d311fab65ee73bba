import { RateLimitState } from '../../../../nodes/CanvasLms/transport/rateLimit';

describe('RateLimitState', () => {
	it('does not slow down before Canvas has said anything about the budget', () => {
		expect(new RateLimitState().pacingDelayMs()).toBe(0);
	});

	it('does not slow down while plenty of the throttle budget is left', () => {
		const state = new RateLimitState();
		state.observe({ 'x-rate-limit-remaining': '612.5' });

		expect(state.pacingDelayMs()).toBe(0);
	});

	it('waits longer the closer the budget comes to zero, as the bucket drains', () => {
		const state = new RateLimitState();
		state.observe({ 'x-rate-limit-remaining': '100.0' });
		const low = state.pacingDelayMs();
		state.observe({ 'x-rate-limit-remaining': '20.0' });
		const lower = state.pacingDelayMs();

		expect(low).toBe(5_000);
		expect(lower).toBe(13_000);
	});

	it('never waits more than fifteen seconds', () => {
		const state = new RateLimitState();
		state.observe({ 'x-rate-limit-remaining': '0.0' });

		expect(state.pacingDelayMs()).toBe(15_000);
	});

	it('ignores answers without the header', () => {
		const state = new RateLimitState();
		state.observe({ 'x-rate-limit-remaining': '10' });
		state.observe({});

		expect(state.pacingDelayMs()).toBe(14_000);
	});
});
