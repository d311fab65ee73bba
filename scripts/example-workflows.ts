import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './n8n-runtime';

/** The credential every example refers to, by this id and name. */
export const EXAMPLE_CREDENTIAL = { id: 'canvasSandboxApi', name: 'Canvas API (sandbox)' };

export const EXAMPLES = {
	sampleUpload: 'sample-upload.json',
	webhookUpload: 'webhook-upload.json',
	folderUpload: 'folder-upload.json',
} as const;

/** Values for the `__PLACEHOLDER__` marks in examples/*.json. */
export interface ExampleValues {
	courseId: string;
	quizId: string;
	/** The file the sample workflow reads. */
	sampleFile?: string;
	/** The folder the scheduled workflow uploads from. */
	uploadFolder?: string;
}

export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
	[key: string]: unknown;
}

/** Reads an example workflow and fills in its placeholders; unknown or unfilled marks throw. */
export function loadExample(fileName: string, values: ExampleValues): ExampleWorkflow {
	const byMark: Record<string, string | undefined> = {
		__CANVAS_COURSE_ID__: values.courseId,
		__CANVAS_QUIZ_ID__: values.quizId,
		__SAMPLE_FILE__: values.sampleFile,
		__UPLOAD_FOLDER__: values.uploadFolder,
	};
	const text = readFileSync(join(repoRoot(), 'examples', fileName), 'utf8');

	const filled = text.replace(/__[A-Z0-9_]+__/g, (mark) => {
		const value = byMark[mark];
		if (value === undefined) throw new Error(`${fileName}: no value for ${mark}`);
		// Written into a JSON string literal, so quotes and backslashes must stay escaped.
		return JSON.stringify(value).slice(1, -1);
	});
	return JSON.parse(filled) as ExampleWorkflow;
}
