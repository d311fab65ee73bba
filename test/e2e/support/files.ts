import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface WrittenFile {
	path: string;
	size: number;
	sha256: string;
}

export function sha256(content: Buffer | string): string {
	return createHash('sha256').update(content).digest('hex');
}

export async function sha256OfFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	await pipeline(createReadStream(path), hash);
	return hash.digest('hex');
}

export function writeSmallFile(path: string, content: string | Buffer): WrittenFile {
	writeFileSync(path, content);
	return { path, size: Buffer.byteLength(content), sha256: sha256(content) };
}

/**
 * Writes `size` bytes of varied content without holding more than one chunk in memory, and
 * hashes them on the way. Each chunk is stamped with its index so no two chunks are equal,
 * which would let a bug that repeats or reorders chunks pass the checksum.
 */
export async function writeLargeFile(path: string, size: number): Promise<WrittenFile> {
	const chunkSize = 1024 * 1024;
	const pattern = randomBytes(chunkSize);
	const hash = createHash('sha256');

	async function* chunks() {
		for (let offset = 0, index = 0; offset < size; offset += chunkSize, index++) {
			const chunk = Buffer.from(pattern.subarray(0, Math.min(chunkSize, size - offset)));
			if (chunk.length >= 4) chunk.writeUInt32BE(index, 0);
			hash.update(chunk);
			yield chunk;
		}
	}

	await pipeline(Readable.from(chunks()), createWriteStream(path));
	return { path, size, sha256: hash.digest('hex') };
}
