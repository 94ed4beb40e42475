import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Secret {
	/** What the secret is, for the report; the value itself is never reported. */
	label: string;
	value: string;
}

export interface SecretFinding {
	label: string;
	/** File path, or the name given to an in-memory text. */
	where: string;
}

function filesBelow(target: string, skip: (file: string) => boolean): string[] {
	if (!existsSync(target) || skip(target)) return [];
	if (!statSync(target).isDirectory()) return [target];
	return readdirSync(target).flatMap((entry) => filesBelow(path.join(target, entry), skip));
}

/** Variants a secret could be stored as: plain, and URL-encoded as a query string would carry it. */
function needles(value: string): Buffer[] {
	const variants = new Set([value, encodeURIComponent(value)]);
	return [...variants].map((variant) => Buffer.from(variant, 'utf8'));
}

/**
 * Which secrets occur in which files (byte search, so the SQLite database and its WAL are
 * searched too). `skip` leaves out paths that may legitimately hold them.
 */
export function findSecretsInFiles(
	paths: string[],
	secrets: Secret[],
	skip: (file: string) => boolean = () => false,
): SecretFinding[] {
	const findings: SecretFinding[] = [];
	for (const file of paths.flatMap((target) => filesBelow(target, skip))) {
		const content = readFileSync(file);
		for (const secret of secrets) {
			if (needles(secret.value).some((needle) => content.includes(needle))) findings.push({ label: secret.label, where: file });
		}
	}
	return findings;
}

export function findSecretsInText(texts: Record<string, string>, secrets: Secret[]): SecretFinding[] {
	const findings: SecretFinding[] = [];
	for (const [where, text] of Object.entries(texts)) {
		const content = Buffer.from(text, 'utf8');
		for (const secret of secrets) {
			if (needles(secret.value).some((needle) => content.includes(needle))) findings.push({ label: secret.label, where });
		}
	}
	return findings;
}
