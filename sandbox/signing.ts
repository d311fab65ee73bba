import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const s3Region = 'us-east-1';
export const s3AccessKeyId = 'SANDBOXACCESSKEY0001';

/** Secrets of one sandbox instance; nothing signed by one sandbox verifies in another. */
export class Signer {
	private readonly jwtSecret = randomBytes(32);
	private readonly s3Secret = randomBytes(30).toString('base64');
	private readonly canvasSecret = randomBytes(32);

	/** An HS512 JWT, as inst-fs tokens are. */
	signToken(payload: Record<string, unknown>) {
		const head = base64url(JSON.stringify({ alg: 'HS512', typ: 'JWT' }));
		const body = base64url(JSON.stringify(payload));
		return `${head}.${body}.${this.mac('sha512', this.jwtSecret, `${head}.${body}`, 'base64url')}`;
	}

	/** The token's payload when its signature holds, else undefined. */
	verifyToken(token: string): Record<string, unknown> | undefined {
		const [head, body, signature, ...rest] = token.split('.');
		if (!head || !body || !signature || rest.length > 0) return undefined;
		const expected = this.mac('sha512', this.jwtSecret, `${head}.${body}`, 'base64url');
		if (!sameText(signature, expected)) return undefined;
		try {
			return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
		} catch {
			return undefined;
		}
	}

	/** AWS Signature Version 4 over a POST policy, hex. */
	sigV4(policy: string, date: string) {
		let key: Buffer = Buffer.from(`AWS4${this.s3Secret}`);
		for (const part of [date.slice(0, 8), s3Region, 's3', 'aws4_request']) {
			key = createHmac('sha256', key).update(part).digest();
		}
		return createHmac('sha256', key).update(policy).digest('hex');
	}

	/** AWS Signature Version 2 over a POST policy, base64. */
	sigV2(policy: string) {
		return this.mac('sha1', this.s3Secret, policy, 'base64');
	}

	/** Canvas's own HMAC-SHA1 over a local-storage policy, base64. */
	canvasPolicySignature(policy: string) {
		return this.mac('sha1', this.canvasSecret, policy, 'base64');
	}

	quotaExemption(attachmentId: string) {
		return this.mac('sha256', this.canvasSecret, `quota_exempt:${attachmentId}`, 'hex').slice(
			0,
			40,
		);
	}

	private mac(
		algorithm: string,
		secret: Buffer | string,
		data: string,
		encoding: 'hex' | 'base64' | 'base64url',
	) {
		return createHmac(algorithm, secret).update(data).digest(encoding);
	}
}

export function sameText(given: string, expected: string) {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

function base64url(text: string) {
	return Buffer.from(text).toString('base64url');
}
