import { Container } from '@n8n/di';
import { appendFileSync, createReadStream } from 'fs';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';
import { fileTypeFromMimeType } from 'n8n-workflow';
import { extname, join } from 'path';
import type { Readable } from 'stream';

export interface HarnessBinaryInput {
	fileName: string;
	mimeType: string;
	/** `filePath` is streamed into n8n's store, never read whole (except in `inline` mode). */
	content: Buffer | string | { filePath: string };
	/** `filesystem` (default): stored with an `id` as n8n 2.x does; `inline`: base64 `data`. */
	mode?: 'filesystem' | 'inline';
	/** Bytes added to the stored file behind n8n's back, as if it changed after being stored. */
	appendAfterStoring?: Buffer;
}

export interface BinaryLocation {
	workflowId: string;
	executionId: string;
}

/**
 * Turns a test's file into the binary entry a previous node would have produced, written by
 * n8n's BinaryDataService: into the filesystem store, or as base64 in n8n's in-memory mode.
 */
export async function storeBinary(
	input: HarnessBinaryInput,
	{ workflowId, executionId }: BinaryLocation,
	memoryBinaryData: BinaryDataService,
): Promise<IBinaryData> {
	const service = input.mode === 'inline' ? memoryBinaryData : Container.get(BinaryDataService);
	const extension = extname(input.fileName).slice(1);
	const binaryData: IBinaryData = {
		data: '',
		mimeType: input.mimeType,
		fileType: fileTypeFromMimeType(input.mimeType),
		fileName: input.fileName,
		...(extension ? { fileExtension: extension } : {}),
	};
	const stored = await service.store(
		{ type: 'execution', workflowId, executionId },
		contentOf(input.content),
		binaryData,
	);
	if (input.appendAfterStoring && stored.id) {
		const fileId = stored.id.slice(stored.id.indexOf(':') + 1);
		appendFileSync(
			join(Container.get(BinaryDataConfig).localStoragePath, fileId),
			input.appendAfterStoring,
		);
	}
	return stored;
}

function contentOf(content: HarnessBinaryInput['content']): Buffer | Readable {
	if (Buffer.isBuffer(content)) return content;
	if (typeof content === 'string') return Buffer.from(content, 'utf8');
	return createReadStream(content.filePath);
}
