import { readdirSync, readFileSync } from 'node:fs';

export interface PeakMemoryReport {
	/** Sum of every process's own high-water mark (VmHWM): an upper bound for the tree. */
	treePeakBytes: number;
	/** The root process's own high-water mark: the n8n process that runs the workflow's nodes. */
	rootPeakBytes: number;
	/** Largest resident size of the tree seen in one sample (sum of VmRSS). */
	sampledPeakBytes: number;
	/** Each process's own peak, largest first: the command name and its VmHWM. */
	processes: Array<{ pid: number; name: string; peakBytes: number }>;
}

/**
 * Samples the memory of a process and all its descendants from /proc while it runs. n8n
 * spawns a task runner beside the CLI process, so the whole tree counts, not only the root.
 */
export class PeakMemory {
	private readonly highWaterKb = new Map<number, number>();
	private readonly names = new Map<number, string>();
	private sampledPeakKb = 0;
	private readonly timer: NodeJS.Timeout;

	constructor(
		private readonly rootPid: number,
		intervalMs = 100,
	) {
		this.sample();
		this.timer = setInterval(() => this.sample(), intervalMs);
	}

	stop(): PeakMemoryReport {
		clearInterval(this.timer);
		const treePeakKb = [...this.highWaterKb.values()].reduce((sum, kb) => sum + kb, 0);
		return {
			treePeakBytes: treePeakKb * 1024,
			rootPeakBytes: (this.highWaterKb.get(this.rootPid) ?? 0) * 1024,
			sampledPeakBytes: this.sampledPeakKb * 1024,
			processes: [...this.highWaterKb.entries()]
				.map(([pid, kb]) => ({ pid, name: this.names.get(pid) ?? '?', peakBytes: kb * 1024 }))
				.sort((a, b) => b.peakBytes - a.peakBytes),
		};
	}

	private sample(): void {
		let residentKb = 0;
		for (const pid of processTree(this.rootPid)) {
			const status = readStatus(pid);
			if (!status) continue;
			residentKb += status.rssKb;
			this.names.set(pid, status.name);
			this.highWaterKb.set(pid, Math.max(this.highWaterKb.get(pid) ?? 0, status.hwmKb));
		}
		this.sampledPeakKb = Math.max(this.sampledPeakKb, residentKb);
	}
}

function processTree(rootPid: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const parent = parentPid(Number(entry));
		if (parent === undefined) continue;
		children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
	}

	const tree = [rootPid];
	for (let index = 0; index < tree.length; index++) {
		tree.push(...(children.get(tree[index]) ?? []));
	}
	return tree;
}

function parentPid(pid: number): number | undefined {
	try {
		// The command name in field 2 may hold spaces and parentheses; fields after it do not.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	} catch {
		return undefined;
	}
}

interface ProcessStatus {
	name: string;
	rssKb: number;
	hwmKb: number;
}

function readStatus(pid: number): ProcessStatus | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) =>
			Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
		const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?';
		return { name, rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
	} catch {
		return undefined;
	}
}
