import type { RecordedFile, RecordedRequest } from '../../../sandbox/types';

const FILE_UPLOAD_STEPS = ['instfs-upload', 's3-upload', 'local-upload'];

/** The requests that carried the file itself, whichever storage backend took it. */
export function fileUploads(requests: RecordedRequest[]): RecordedRequest[] {
	return requests.filter((request) => FILE_UPLOAD_STEPS.includes(request.step));
}

/**
 * Every request that reached storage: the storage origin, and the file upload even where
 * local storage serves it from the Canvas origin. None of them may see the Canvas token.
 */
export function storageRequests(requests: RecordedRequest[]): RecordedRequest[] {
	return requests.filter(
		(request) => request.origin === 'storage' || FILE_UPLOAD_STEPS.includes(request.step),
	);
}

/** The file part of an upload's multipart body. */
export function uploadedFilePart(upload: RecordedRequest): RecordedFile {
	const file = upload.multipart?.parts.find((part) => part.file)?.file;
	if (!file) throw new Error(`Request #${upload.seq} to ${upload.path} carried no file part`);
	return file;
}

/** Names of the multipart parts in the order they arrived. */
export function partNames(upload: RecordedRequest): string[] {
	return upload.multipart?.parts.map((part) => part.name) ?? [];
}
