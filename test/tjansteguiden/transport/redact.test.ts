import { redact } from '../../../nodes/Tjansteguiden/transport/redact';

test('redaction blanks hashes and keys in URLs, XML and free text', () => {
	const text =
		'GET http://x/plain/serviceguide_log?method=orders&hash=6a075bdba19b85170ae95666a240a2d1&date=2026-01-01 ' +
		'and ?api_key=sekret123&api_user=1 <hash_key>abcdef0123456789</hash_key> also sekret123 inline';
	const result = redact(text, ['sekret123']);
	expect(result).not.toContain('6a075bdba19b85170ae95666a240a2d1');
	expect(result).not.toContain('sekret123');
	expect(result).not.toContain('abcdef0123456789');
	expect(result).toContain('date=2026-01-01');
	expect(result).toContain('api_user=1');
});
