type Condition = Record<string, string> | [string, ...Array<string | number>];

export interface PolicyDocument {
	expiration: string;
	conditions: Condition[];
	attachment_id?: string;
}

export type PolicyVerdict =
	| { ok: true; minSize: number; maxSize: number }
	| { ok: false; reason: 'malformed' | 'expired' | 'condition' | 'extra'; message: string };

// Fields S3 never expects a policy condition for.
const unconditioned = ['policy', 'x-amz-signature', 'signature', 'awsaccesskeyid', 'file'];

export function encodePolicy(document: PolicyDocument) {
	return Buffer.from(JSON.stringify(document)).toString('base64');
}

export function decodePolicy(policy: string): PolicyDocument | undefined {
	try {
		const document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
		const valid = typeof document?.expiration === 'string' && Array.isArray(document.conditions);
		return valid ? document : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Judges the form fields that came before the file part against a POST policy, as S3 does:
 * expiry first, then every condition, then fields the policy does not mention.
 */
export function judgePolicy(
	document: PolicyDocument,
	fields: Map<string, string>,
	now = Date.now(),
): PolicyVerdict {
	const expiresAt = Date.parse(document.expiration);
	if (Number.isNaN(expiresAt)) return { ok: false, reason: 'malformed', message: 'bad expiration' };
	if (expiresAt <= now) {
		return {
			ok: false,
			reason: 'expired',
			message: 'Invalid according to Policy: Policy expired.',
		};
	}
	const lower = new Map([...fields].map(([name, value]) => [name.toLowerCase(), value]));
	const mentioned = new Set<string>();
	let minSize = 0;
	let maxSize = Number.MAX_SAFE_INTEGER;
	for (const condition of document.conditions) {
		if (Array.isArray(condition) && condition[0] === 'content-length-range') {
			minSize = Number(condition[1]);
			maxSize = Number(condition[2]);
			continue;
		}
		const [operator, name, expected] = Array.isArray(condition)
			? [String(condition[0]), String(condition[1]).replace(/^\$/, ''), String(condition[2])]
			: ['eq', ...Object.entries(condition)[0]];
		if (name === 'bucket') continue;
		mentioned.add(name.toLowerCase());
		const given = lower.get(name.toLowerCase());
		const holds =
			given !== undefined &&
			(operator === 'starts-with' ? given.startsWith(expected) : given === expected);
		if (!holds) {
			return { ok: false, reason: 'condition', message: conditionFailed(operator, name, expected) };
		}
	}
	const extra = [...lower.keys()].filter(
		(name) =>
			!mentioned.has(name) && !unconditioned.includes(name) && !name.startsWith('x-ignore-'),
	);
	if (extra.length > 0) {
		const message = `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`;
		return { ok: false, reason: 'extra', message };
	}
	return { ok: true, minSize, maxSize };
}

/** S3's words for a failed condition, e.g. `["eq", "$key", "a/b.pdf"]`. */
export function conditionFailed(operator: string, name: string, expected: string) {
	const shown = [operator, `$${name}`, expected].map((item) => JSON.stringify(item)).join(', ');
	return `Invalid according to Policy: Policy Condition failed: [${shown}]`;
}

export function policyBucket(document: PolicyDocument) {
	for (const condition of document.conditions) {
		if (!Array.isArray(condition) && typeof condition.bucket === 'string') return condition.bucket;
	}
	return undefined;
}
