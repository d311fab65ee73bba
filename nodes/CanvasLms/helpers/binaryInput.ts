import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { BINARY_ENCODING, NodeOperationError } from 'n8n-workflow';

import type { FileSource } from '../protocol/types';

export interface FileOverrides {
	fileName?: string;
	contentType?: string;
}

/**
 * Describes the item's binary file without reading it: n8n's stored binaries are opened as a
 * fresh stream on each `open()`, so memory does not grow with the file.
 */
export async function readBinaryFile(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	overrides: FileOverrides,
): Promise<FileSource> {
	const binary = findBinary(context, itemIndex, propertyName);
	const { fileName, contentType } = overrides;

	let size: number;
	let open: FileSource['open'];
	let storedName: string | undefined;
	if (binary.id) {
		const binaryId = binary.id;
		const metadata = await context.helpers.getBinaryMetadata(binaryId);
		size = metadata.fileSize;
		storedName = metadata.fileName;
		open = async () => await context.helpers.getBinaryStream(binaryId);
	} else {
		const bytes = Buffer.from(binary.data, BINARY_ENCODING);
		size = bytes.length;
		open = async () =>
			(async function* () {
				yield bytes;
			})();
	}

	const name = fileName?.trim() || binary.fileName || storedName || defaultName(binary);
	if (size === 0) {
		throw new NodeOperationError(context.getNode(), `The file '${name}' is empty`, {
			itemIndex,
			description:
				'Canvas storage refuses files of 0 bytes. Check the node that produced the file.',
		});
	}

	return { name, size, contentType: contentType?.trim() || binary.mimeType || undefined, open };
}

function findBinary(context: IExecuteFunctions, itemIndex: number, propertyName: string) {
	try {
		return context.helpers.assertBinaryData(itemIndex, propertyName);
	} catch {
		const fields = Object.keys(context.getInputData()[itemIndex]?.binary ?? {});
		const fix = fields.length
			? `This item has: ${fields.map((field) => `'${field}'`).join(', ')}.`
			: 'This item has no binary data: put a node that produces a file before this one ' +
				'(for example Read/Write Files from Disk, or a Webhook that receives a file).';
		throw new NodeOperationError(
			context.getNode(),
			`No binary field '${propertyName}' on this item`,
			{
				itemIndex,
				description: `Set 'Input Binary Field' to the field that holds the file. ${fix}`,
			},
		);
	}
}

function defaultName(binary: IBinaryData): string {
	return binary.fileExtension ? `file.${binary.fileExtension}` : 'file';
}
