/**
 * Workflows saved against 0.1.0 must keep working. `interface-0.1.0.json` was generated once from
 * the 0.1.0 sources and is never regenerated: every later release is compared against it, and
 * any removal, rename, type change, removed option value or changed default fails this test.
 * Additions (new nodes, parameters, option values) are fine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import { breakingChanges, snapshotOf, type InterfaceSnapshot } from './publicInterface';

const root = path.resolve(__dirname, '..', '..');

/** The classes the package.json `n8n` block registers, loaded from their sources. */
function loadRegistered<T>(kind: 'nodes' | 'credentials'): T[] {
	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { n8n: Record<string, string[]> };
	return manifest.n8n[kind].map((built) => {
		const source = path.join(root, built.replace(/^dist\//, '').replace(/\.js$/, ''));
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is read from package.json
		const exports = require(source) as Record<string, new () => T>;
		const classes = Object.values(exports).filter((value) => typeof value === 'function');
		if (classes.length !== 1) throw new Error(`${built}: expected one exported class, found ${classes.length}`);
		return new classes[0]();
	});
}

function currentSnapshot(): InterfaceSnapshot {
	return snapshotOf(loadRegistered<INodeType>('nodes'), loadRegistered<ICredentialType>('credentials'));
}

function readBaseline(version: string): InterfaceSnapshot {
	return JSON.parse(readFileSync(path.join(__dirname, `interface-${version}.json`), 'utf8')) as InterfaceSnapshot;
}

describe('compatibility with workflows saved against 0.1.0', () => {
	const baseline = readBaseline('0.1.0');

	test('the baseline covers every node and credential of 0.1.0', () => {
		expect(Object.keys(baseline.nodes).sort()).toEqual(['onApi', 'tjansteguiden', 'tjansteguidenTrigger']);
		expect(Object.keys(baseline.credentials).sort()).toEqual(['onApi', 'tjansteguidenApi', 'tjansteguidenOperatorApi']);
	});

	test('no node, credential, parameter, option value or default was removed or changed', () => {
		expect(breakingChanges(baseline, currentSnapshot())).toEqual([]);
	});
});

describe('the comparison itself', () => {
	const baseline = readBaseline('0.1.0');
	const clone = (): InterfaceSnapshot => JSON.parse(JSON.stringify(baseline)) as InterfaceSnapshot;

	test('finds a changed default', () => {
		const changed = clone();
		const concurrency = changed.nodes.onApi.parameters.find((parameter) => parameter.key === 'itemConcurrency');
		concurrency!.default = 7;
		expect(breakingChanges(baseline, changed)).toEqual(['node onApi → itemConcurrency: default changed from 5 to 7']);
	});

	test('finds a removed option value, a removed parameter and a removed node', () => {
		const changed = clone();
		const resource = changed.nodes.tjansteguiden.parameters.find((parameter) => parameter.key === 'resource');
		resource!.options = resource!.options!.filter((value) => value !== 'customer');
		changed.nodes.onApi.parameters = changed.nodes.onApi.parameters.filter((parameter) => parameter.key !== 'itemConcurrency');
		delete changed.nodes.tjansteguidenTrigger;
		expect(breakingChanges(baseline, changed).sort()).toEqual([
			'node onApi → itemConcurrency: removed, renamed or shown elsewhere',
			'node tjansteguiden → resource: option value "customer" removed',
			'node tjansteguidenTrigger: removed or renamed',
		]);
	});

	test('accepts additions', () => {
		const changed = clone();
		changed.nodes.onApi.parameters.push({ key: 'authentication', type: 'options', default: 'onApi', options: ['onApi'] });
		changed.nodes.onApiTrigger = { versions: 1, parameters: [], credentials: ['onApi'] };
		expect(breakingChanges(baseline, changed)).toEqual([]);
	});
});
