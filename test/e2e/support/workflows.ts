import { randomUUID } from 'node:crypto';

export const CANVAS_NODE_TYPE = 'n8n-nodes-canvas-quiz-files.canvasLms';
export const UPLOAD_NODE = 'Upload to quiz submission';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: 'continueRegularOutput' | 'continueErrorOutput' | 'stopWorkflow';
	webhookId?: string;
}

export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: 0 }>> }>;
	settings: Record<string, unknown>;
}

export interface CredentialRef {
	id: string;
	name: string;
}

/** A workflow whose nodes run one after another in the order given. */
export function chainWorkflow(id: string, name: string, nodes: WorkflowNode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	nodes.slice(1).forEach((node, index) => {
		connections[nodes[index].name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	});
	nodes.forEach((node, index) => (node.position = [index * 220, 0]));
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

function node(
	name: string,
	type: string,
	typeVersion: number,
	parameters: Record<string, unknown>,
): WorkflowNode {
	return { id: randomUUID(), name, type, typeVersion, position: [0, 0], parameters };
}

export function manualTrigger(): WorkflowNode {
	return node('Start', 'n8n-nodes-base.manualTrigger', 1, {});
}

/** A Set node giving every item the string fields given. */
export function setFields(name: string, fields: Record<string, string>): WorkflowNode {
	const assignments = Object.entries(fields).map(([field, value]) => ({
		id: randomUUID(),
		name: field,
		value,
		type: 'string',
	}));
	return node(name, 'n8n-nodes-base.set', 3.4, { assignments: { assignments }, options: {} });
}

/** "Convert to File" turning a text field into a binary file in property `data`. */
export function textToFile(sourceProperty: string, fileName: string): WorkflowNode {
	return node('Convert to File', 'n8n-nodes-base.convertToFile', 1.1, {
		operation: 'toText',
		sourceProperty,
		binaryPropertyName: 'data',
		options: { fileName },
	});
}

/** "Read/Write Files from Disk" reading every file the glob matches into property `data`. */
export function readFiles(fileSelector: string): WorkflowNode {
	return node('Read files', 'n8n-nodes-base.readWriteFile', 1.1, {
		operation: 'read',
		fileSelector,
		options: {},
	});
}

export interface UploadParameters {
	courseId: string;
	quizId: string;
	binaryPropertyName?: string;
	options?: {
		fileName?: string;
		contentType?: string;
		onDuplicate?: 'overwrite' | 'rename';
		maxAttempts?: number;
		timeoutSeconds?: number;
	};
}

/** Our node, uploading each item's file into the quiz submission. */
export function canvasUpload(credential: CredentialRef, upload: UploadParameters): WorkflowNode {
	const uploadNode = node(UPLOAD_NODE, CANVAS_NODE_TYPE, 1, {
		resource: 'quizSubmissionFile',
		operation: 'upload',
		courseId: upload.courseId,
		quizId: upload.quizId,
		binaryPropertyName: upload.binaryPropertyName ?? 'data',
		options: upload.options ?? {},
	});
	uploadNode.credentials = { canvasApi: credential };
	return uploadNode;
}
