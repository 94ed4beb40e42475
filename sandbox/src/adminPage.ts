/**
 * GET /__admin: one plain HTML page a person reads at a glance (the demo links to it): the clock,
 * what each simulator holds (orders with status and log, operators), the fault rules and request
 * counts. Server-rendered, everything escaped, no scripts, styles inline, no external assets. The
 * JSON admin API below /__admin/... stays what tests and tools use.
 */
import type { SandboxClock } from './clock';
import type { FaultRules } from './faults';
import { Html, html, table } from './html';
import type { RequestLog } from './requestLog';
import type { Simulator } from './types';

export interface AdminPageContext {
	clock: SandboxClock;
	faults: FaultRules;
	requestLog: RequestLog;
	simulators: readonly Simulator[];
	heldRequestCount(): number;
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .5em 0; } th, td { border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f3f3f3; } td.empty { color: #777; font-style: italic; }
.note { background: #fff8dc; border: 1px solid #e6d690; padding: .5em .8em; max-width: 60em; }
.status-new { color: #555; } .status-waiting, .state-DONE_FAILED { color: #b00020; font-weight: bold; }
.status-delivered, .state-DONE_SUCCESS { color: #1b7a1b; } ul.log { margin: 0; padding-left: 1.1em; font-size: .92em; }
code { background: #f3f3f3; padding: 0 3px; }
`;

export function renderAdminPage(context: AdminPageContext, query: URLSearchParams): string {
	const clock = context.clock.toJSON();
	const sections = context.simulators.flatMap((simulator) => simulator.adminPage?.(query) ?? []);
	const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sandbox admin</title><style>${new Html(STYLE)}</style></head>
<body>
<h1>Sandbox admin</h1>
<p>Sandbox clock: <strong>${clock.now}</strong> (offset ${clock.offsetMs} ms from real time).
Simulators: ${context.simulators.map((simulator) => simulator.name).join(', ')}. Requests held open by a timeout fault: ${context.heldRequestCount()}.</p>
<p class="note"><strong>Why older demo orders stay <code>new</code>:</strong> the Tjänsteguiden Trigger starts from the moment it is
activated (its first poll reads from now, so that switching a workflow on does not replay the past). The orders the demo
seeded before that are never emitted and keep their status; only orders that arrive after the trigger started go through the
workflow. Change an older one by hand with <code>POST /__admin/tjansteguiden/orders/{id}/status</code>.</p>
${filters()}
${sections.map((section) => html`<h2>${section.title}</h2>${new Html(section.html)}`)}
<h2>Fault rules</h2>
${faultTable(context.faults)}
<h2>Requests</h2>
${requestTable(context.requestLog)}
<h2>JSON admin API</h2>
<p>The same data as JSON, for tests and scripts: <code>GET /__admin/state</code>, <code>/__admin/tjansteguiden/orders</code>,
<code>/__admin/onapi/state</code>, <code>/__admin/faults</code>, <code>/__admin/requests</code>; the list of routes is
<code>GET /__admin/routes</code>.</p>
</body></html>
`;
	return page.text;
}

function filters(): Html {
	return html`<h2>Filters</h2>
<p>Add them to this page's address; they narrow the order tables below.</p>
${table(
	['Parameter', 'Example', 'Shows'],
	[
		['status', '/__admin?status=waiting', 'Tjänsteguiden orders with that status (new, received, active, waiting, cancelled, delivered)'],
		['co', '/__admin?co=FIBNORR', 'orders and operators of one network operator (coId), on both APIs'],
		['state', '/__admin?state=DONE_FAILED', 'ON-API orders in that state (RECEIVED, IN_PROGRESS, DONE_SUCCESS, DONE_FAILED)'],
		['limit', '/__admin?limit=200', 'rows per table, newest first (default 50)'],
	],
)}
<p>The JSON list <code>GET /__admin/tjansteguiden/orders</code> takes <code>status</code>, <code>from</code> (ISO or Stockholm local
time), <code>arrived=true</code>, <code>log=false</code>, <code>limit</code> and <code>offset</code>.</p>`;
}

function faultTable(faults: FaultRules): Html {
	const rows = faults.list().map((rule) => [rule.id, rule.simulator ?? 'any', rule.match ?? 'any request', rule.kind, `${rule.fired} of ${rule.times}`, rule.remaining]);
	return table(['Id', 'Simulator', 'Match', 'Kind', 'Fired', 'Left'], rows, 'No fault rules: every request is answered normally.');
}

function requestTable(log: RequestLog): Html {
	const counters = log.counters();
	const rows = Object.entries(counters.bySimulator).map(([name, counts]) => [
		name,
		counts.total,
		counts.logins,
		Object.entries(counts.byStatus).map(([status, count]) => `${status}: ${count}`).join(', '),
		Object.entries(counts.byFault).map(([kind, count]) => `${kind}: ${count}`).join(', '),
	]);
	return table(['Simulator', 'Requests', 'Logins', 'By HTTP status', 'Faults fired'], rows, 'No API requests yet.');
}
