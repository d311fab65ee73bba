import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

const SAMPLE_EVERY_MS = 5;

// Garbage left by an earlier test would be collected during the measured work and hide what the
// work holds, so the start is taken on a collected heap. Node exposes gc() only behind a flag.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export interface MemoryGrowth<T> {
	result: T;
	/**
	 * Highest growth of live memory (V8 heap plus Buffers) over the start. Unlike RSS it does not
	 * hide an allocation behind memory the process freed earlier and kept, so it shows reliably
	 * whether a file was held in memory.
	 */
	liveGrowth: number;
	/** Highest growth of the resident set over the start, for reporting. */
	rssGrowth: number;
	startRss: number;
}

/** Samples the process's memory while `work` runs, from a freshly collected heap. */
export async function measurePeakMemory<T>(work: () => Promise<T>): Promise<MemoryGrowth<T>> {
	collectGarbage();
	const live = () => {
		const usage = process.memoryUsage();
		return usage.heapUsed + usage.arrayBuffers;
	};
	const startLive = live();
	const startRss = process.memoryUsage().rss;
	let peakLive = startLive;
	let peakRss = startRss;
	const sample = () => {
		peakLive = Math.max(peakLive, live());
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	};
	const sampler = setInterval(sample, SAMPLE_EVERY_MS);
	try {
		const result = await work();
		sample();
		return { result, liveGrowth: peakLive - startLive, rssGrowth: peakRss - startRss, startRss };
	} finally {
		clearInterval(sampler);
	}
}

export function mib(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
