import { Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Passes a request body on no faster than `bytesPerSecond`, as a slow uplink delivers it. The
 * reader's backpressure reaches the client through TCP, so the client sends at this rate too.
 */
export function slowReader(bytesPerSecond: number, closing: AbortSignal): Transform {
	return new Transform({
		transform(chunk: Buffer, _encoding, done) {
			const ms = (chunk.length / bytesPerSecond) * 1000;
			// Closing the sandbox ends the wait; the request is gone by then, so nothing is passed on.
			sleep(ms, undefined, { signal: closing }).then(
				() => done(null, chunk),
				() => done(),
			);
		},
	});
}
