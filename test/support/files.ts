import { createCipheriv, createHash } from 'crypto';
import { createWriteStream } from 'fs';
import { pipeline } from 'stream/promises';

const CHUNK_SIZE = 1024 * 1024;

// AES-CTR over zeros is a fast keystream: the same key gives the same bytes on every run.
const SEED_KEY = Buffer.from('n8n-harness-seed');
const SEED_IV = Buffer.alloc(16);

/**
 * Writes `size` deterministic pseudo-random bytes to `filePath` one chunk at a time, so a file
 * of any size costs about one chunk of memory, and gives the sha256 of what was written.
 */
export async function writeRandomFile(filePath: string, size: number): Promise<{ sha256: string }> {
	const keystream = createCipheriv('aes-128-ctr', SEED_KEY, SEED_IV);
	const hash = createHash('sha256');
	const zeros = Buffer.alloc(CHUNK_SIZE);

	async function* chunks() {
		for (let written = 0; written < size; written += CHUNK_SIZE) {
			const chunk = keystream.update(zeros.subarray(0, Math.min(CHUNK_SIZE, size - written)));
			hash.update(chunk);
			yield chunk;
		}
	}

	await pipeline(chunks(), createWriteStream(filePath));
	return { sha256: hash.digest('hex') };
}
