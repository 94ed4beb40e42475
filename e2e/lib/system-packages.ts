/** The error for a missing Debian package of the end-to-end tests, naming all of them and their installer. */
export function missingDebianPackage(what: string): Error {
	return new Error(
		`${what} is not installed. The end-to-end tests need Debian's packages postgresql and redis-server ` +
			'(the queue-mode test), chromium (the editor test) and faketime (the life-cycle week); `sudo bash .ci/e2e-system-packages.sh` installs them ' +
			'(npm test runs it itself, and installs them when run as root).',
	);
}
