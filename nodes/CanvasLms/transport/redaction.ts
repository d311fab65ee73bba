import { parseUrl } from './urls';

const MIN_SECRET_LENGTH = 4;

/**
 * Remembers the secrets one item handles (the token, the signed upload URL and its policy
 * fields) and blanks them out of any text that may reach a user, a log or an output item.
 */
export class SecretRedactor {
	private readonly secrets = new Set<string>();

	add(...values: Array<string | undefined>): void {
		for (const value of values) {
			if (value && value.length >= MIN_SECRET_LENGTH) {
				this.secrets.add(value);
				this.secrets.add(encodeURIComponent(value));
			}
		}
	}

	/** Adds a URL whose query string or path may carry a signature. */
	addUrl(url: string): void {
		this.add(url);
		const parsed = parseUrl(url);
		if (!parsed) return;
		this.add(parsed.search.slice(1));
		for (const value of parsed.searchParams.values()) this.add(value);
	}

	redact(text: string): string {
		let result = text;
		const longestFirst = [...this.secrets].sort((a, b) => b.length - a.length);
		for (const secret of longestFirst) result = result.split(secret).join('[redacted]');
		return result.replace(/(Bearer\s+)[^\s"']+/gi, '$1[redacted]');
	}
}
