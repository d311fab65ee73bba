/** One item as n8n hands it from node to node, as far as these tools look at it. */
export interface RunItem {
	json: Record<string, unknown>;
	binary?: Record<string, Record<string, unknown>>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

interface NodeRun {
	executionTime?: number;
	data?: { main?: Array<RunItem[] | null> };
	error?: { message?: string };
}

/** The part of n8n's execution record that the CLI prints after a run. */
export interface WorkflowRun {
	status?: string;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string };
		};
	};
}

/**
 * Finds the execution record in what `n8n execute` printed. The CLI writes it through its
 * logger as indented JSON after its own log lines, so the record is the block that opens
 * with a bare `{` line and closes with a bare `}` line.
 */
export function parseWorkflowRun(stdout: string): WorkflowRun | undefined {
	const lines = stdout.split('\n').map((line) => line.replace(/\r$/, ''));
	for (let start = lines.indexOf('{'); start !== -1; start = lines.indexOf('{', start + 1)) {
		const end = lines.indexOf('}', start);
		if (end === -1) return undefined;
		const record = JSON.parse(lines.slice(start, end + 1).join('\n'));
		if (record?.data?.resultData) return record as WorkflowRun;
	}
	return undefined;
}

/** The items a node sent on its first output in its first run. */
export function nodeOutput(run: WorkflowRun, nodeName: string): RunItem[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) {
		const ran = Object.keys(run.data.resultData.runData).join(', ');
		throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran})`);
	}
	return runs[0].data?.main?.[0] ?? [];
}

/** The message of the error that stopped the run, or of the first node that failed. */
export function runError(run: WorkflowRun): string | undefined {
	const { error, runData } = run.data.resultData;
	if (error?.message) return error.message;
	for (const runs of Object.values(runData)) {
		const failed = runs.find((nodeRun) => nodeRun.error?.message);
		if (failed) return failed.error?.message;
	}
	return undefined;
}
