/**
 * Peak resident memory of a process tree, sampled from /proc (Linux). n8n runs as a main process
 * plus a JavaScript task runner child (the Code node runs there); both count.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryPeaks {
	/** Largest sum of RSS over the whole tree at one sample (MiB). */
	treeMiB: number;
	/** Largest RSS of the tree's biggest process (the n8n main process) (MiB). */
	largestProcessMiB: number;
	samples: number;
}

function parentPids(): Map<number, number> {
	const parents = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// The command name may contain spaces and parentheses; fields resume after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parents.set(Number(entry), Number(fields[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	return parents;
}

function descendantsOf(root: number): number[] {
	const parents = parentPids();
	const tree = new Set<number>([root]);
	let grown = true;
	while (grown) {
		grown = false;
		for (const [pid, parent] of parents) {
			if (!tree.has(pid) && tree.has(parent)) {
				tree.add(pid);
				grown = true;
			}
		}
	}
	return [...tree];
}

function rssKiB(pid: number): number {
	try {
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

export interface MemorySampler {
	stop(): MemoryPeaks;
	current(): MemoryPeaks;
}

/** Reading every process's parent is the costly part (it blocks this process's event loop), so the tree is re-read only now and then. */
const TREE_REFRESH_SAMPLES = 8;

export function sampleTreeMemory(rootPid: number, intervalMs = 250): MemorySampler {
	let treeKiB = 0;
	let largestKiB = 0;
	let samples = 0;
	let tree: number[] = [];
	const sample = () => {
		if (samples % TREE_REFRESH_SAMPLES === 0) tree = descendantsOf(rootPid);
		const sizes = tree.map(rssKiB);
		treeKiB = Math.max(treeKiB, sizes.reduce((sum, size) => sum + size, 0));
		largestKiB = Math.max(largestKiB, ...sizes);
		samples += 1;
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	timer.unref();
	const peaks = () => ({ treeMiB: treeKiB / 1024, largestProcessMiB: largestKiB / 1024, samples });
	return {
		current: peaks,
		stop: () => {
			clearInterval(timer);
			sample();
			return peaks();
		},
	};
}
