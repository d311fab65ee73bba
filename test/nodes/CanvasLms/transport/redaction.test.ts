import { SecretRedactor } from '../../../../nodes/CanvasLms/transport/redaction';

describe('SecretRedactor', () => {
	it('blanks out a token wherever it appears', () => {
		const redactor = new SecretRedactor();
		redactor.add('s3cr3t-token-value');

		expect(redactor.redact('token s3cr3t-token-value was refused')).toBe(
			'token [redacted] was refused',
		);
	});

	it('blanks out a signed upload URL, its query string and each query value', () => {
		const redactor = new SecretRedactor();
		redactor.addUrl('https://inst-fs.example/files?token=eyJhbGciOi.payload.sig&x=1');

		const text = redactor.redact(
			'POST https://inst-fs.example/files?token=eyJhbGciOi.payload.sig&x=1 ' +
				'and token=eyJhbGciOi.payload.sig alone',
		);
		expect(text).not.toContain('eyJhbGciOi.payload.sig');
		expect(text).toContain('[redacted]');
	});

	it('blanks out the URL-encoded form of a secret too', () => {
		const redactor = new SecretRedactor();
		redactor.add('a/b+c=d');

		expect(redactor.redact('policy=a%2Fb%2Bc%3Dd')).toBe('policy=[redacted]');
	});

	it('blanks out any bearer token, even one it was not told about', () => {
		expect(new SecretRedactor().redact('Authorization: Bearer abc.def')).toBe(
			'Authorization: Bearer [redacted]',
		);
	});

	it('ignores values too short to be secrets, so messages stay readable', () => {
		const redactor = new SecretRedactor();
		redactor.add('1');

		expect(redactor.redact('attempt 1 of 5')).toBe('attempt 1 of 5');
	});
});
