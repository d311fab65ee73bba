import type { RecordedRequest, SandboxAttachment } from '../sandbox/types';

/**
 * One line per request the sandbox saw. Paths only: query strings can hold inst-fs tokens or
 * signed S3 fields, and header values the Canvas token, so neither is printed.
 */
export function describeRequests(requests: RecordedRequest[]): string[] {
	return requests.map((request) => {
		const token = 'authorization' in request.headers ? 'with token' : 'no token';
		const size = request.contentLength === undefined ? '' : `, ${request.contentLength} bytes`;
		return (
			`#${request.seq} ${request.step.padEnd(15)} ${request.method.padEnd(4)} ` +
			`[${request.origin}] ${request.path} -> ${request.status} (${token}${size})`
		);
	});
}

export function describeAttachments(attachments: SandboxAttachment[]): string[] {
	return attachments.map(
		(file) =>
			`attachment ${file.id} "${file.displayName}" ${file.size ?? '?'} bytes, ` +
			`${file.contentType}, sha256 ${file.sha256 ?? '?'}, ${file.state} (${file.backend})`,
	);
}
