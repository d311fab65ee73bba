import type { IDataObject } from 'n8n-workflow';

/** A file to upload, readable as many times as the protocol needs a fresh copy of it. */
export interface FileSource {
	name: string;
	size: number;
	contentType?: string;
	open(): Promise<AsyncIterable<Uint8Array>>;
}

/** Where the file goes: a Classic Quiz of a course, in the token's own quiz submission. */
export interface QuizTarget {
	courseId: string;
	quizId: string;
}

export type OnDuplicate = 'overwrite' | 'rename';

export interface UploadRequest {
	target: QuizTarget;
	file: FileSource;
	onDuplicate?: OnDuplicate;
}

/** Canvas's answer to the preflight: where and how to send the bytes. */
export interface UploadDeclaration {
	uploadUrl: string;
	uploadParams: Array<[string, string]>;
	fileParam: string;
}

/** The Canvas file object (attachment JSON), ids as strings. */
export type CanvasFile = { id: string } & IDataObject;

export type ProtocolStep = 'preflight' | 'storage' | 'confirm' | 'file lookup';
