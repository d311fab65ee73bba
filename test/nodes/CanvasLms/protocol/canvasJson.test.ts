import {
	asCanvasFile,
	canvasErrorMessage,
	parseCanvasBody,
} from '../../../../nodes/CanvasLms/protocol/canvasJson';
import { parseStorageXmlError } from '../../../../nodes/CanvasLms/protocol/storageErrors';

describe('parseCanvasBody', () => {
	it('strips the while(1); guard older Canvas puts before JSON', () => {
		expect(parseCanvasBody('while(1);{"id":"7"}')).toEqual({ kind: 'json', value: { id: '7' } });
	});

	it('recognises an HTML page, which means the base URL is not the Canvas API', () => {
		expect(parseCanvasBody('<!DOCTYPE html><html><body>Log in</body></html>').kind).toBe('html');
		expect(parseCanvasBody('<html lang="en">').kind).toBe('html');
	});

	it('reports an empty answer, as create_success gives on a second call', () => {
		expect(parseCanvasBody('  \n')).toEqual({ kind: 'empty' });
	});

	it('keeps broken JSON as text instead of throwing', () => {
		expect(parseCanvasBody('{"id": 1,')).toEqual({ kind: 'text', text: '{"id": 1,' });
	});
});

describe('canvasErrorMessage', () => {
	it.each([
		[{ errors: [{ message: 'Invalid access token.' }] }, 'Invalid access token.'],
		[{ errors: 'Invalid as_user_id' }, 'Invalid as_user_id'],
		[{ errors: { base: 'file size exceeds quota' } }, 'file size exceeds quota'],
		[{ message: 'invalid on_duplicate option' }, 'invalid on_duplicate option'],
		[{ status: 'forbidden', message: 'quiz is locked' }, 'quiz is locked'],
		[{ errors: { name: [{ attribute: 'name', message: 'is too long' }] } }, 'name: is too long'],
	])('reads the message out of %j', (body, expected) => {
		expect(canvasErrorMessage(body)).toBe(expected);
	});

	it('gives nothing for a body without a message', () => {
		expect(canvasErrorMessage({ id: 3 })).toBeUndefined();
		expect(canvasErrorMessage('oops')).toBeUndefined();
	});
});

describe('asCanvasFile', () => {
	it('turns numeric ids into strings so large ids read the same on every Canvas', () => {
		const file = asCanvasFile({
			id: 42,
			folder_id: null,
			user_id: 7,
			size: 12,
			'content-type': 'a/b',
		});

		expect(file).toEqual({
			id: '42',
			folder_id: null,
			user_id: '7',
			size: 12,
			'content-type': 'a/b',
		});
	});

	it('refuses an object without an id', () => {
		expect(asCanvasFile({ upload_url: 'x' })).toBeUndefined();
		expect(asCanvasFile(null)).toBeUndefined();
	});
});

describe('parseStorageXmlError', () => {
	it("reads S3's error code and message", () => {
		const xml =
			'<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>' +
			'<Message>Invalid according to Policy: Policy expired.</Message><RequestId>1</RequestId></Error>';

		expect(parseStorageXmlError(xml)).toEqual({
			code: 'AccessDenied',
			message: 'Invalid according to Policy: Policy expired.',
		});
	});

	it('decodes XML entities in the message', () => {
		const xml = '<Error><Code>InvalidArgument</Code><Message>a &lt; b &amp; c</Message></Error>';

		expect(parseStorageXmlError(xml)?.message).toBe('a < b & c');
	});

	it('gives nothing for a body that is not an S3 error', () => {
		expect(parseStorageXmlError('{"message":"nope"}')).toBeUndefined();
	});
});
