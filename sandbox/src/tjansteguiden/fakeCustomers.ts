/**
 * Made-up end customers, deterministic by index so test runs and demos look the same every time.
 * Personal numbers all use the 1912-12-12 birth date and phone numbers come from the 070-1740 605..699
 * series reserved for fiction, so nothing here can be mistaken for real personal data.
 */
import type { TgCustomer } from './model';

const FIRST_NAMES = [
	'Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Anders', 'Sofia', 'Per',
	'Ingrid', 'Nils', 'Astrid', 'Gustav', 'Linnéa', 'Björn', 'Märta', 'Åke', 'Elsa', 'Örjan',
];
const SURNAMES = [
	'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson',
	'Svensson', 'Gustafsson', 'Lindström', 'Åberg', 'Öberg', 'Sjögren', 'Bäckström', 'Testqvist',
];
const STREETS: Record<string, readonly string[]> = {
	Demostad: ['Storgatan', 'Kyrkvägen', 'Skolgatan', 'Ängsvägen', 'Sjöviksgatan', 'Björkallén'],
	Norrby: ['Norra vägen', 'Älvgatan', 'Fjällstigen', 'Tallbacken', 'Gruvgatan', 'Åsvägen'],
};
const ZIP_PREFIX: Record<string, string> = { Demostad: '123', Norrby: '987' };

export type FakeCustomerFields = Pick<TgCustomer, 'serial' | 'firstname' | 'surname' | 'email' | 'address' | 'zip' | 'city' | 'phone' | 'premise'>;

export function fakeCustomer(index: number, city: 'Demostad' | 'Norrby'): FakeCustomerFields {
	const n = Math.abs(Math.trunc(index));
	const firstname = FIRST_NAMES[n % FIRST_NAMES.length] as string;
	const surname = SURNAMES[(n * 7 + 3) % SURNAMES.length] as string;
	const streets = STREETS[city] as readonly string[];
	return {
		serial: `19121212${String(n % 10000).padStart(4, '0')}`,
		firstname,
		surname,
		email: fakeEmail(firstname, surname, n),
		address: `${streets[n % streets.length] as string} ${(n % 47) + 1}`,
		zip: `${ZIP_PREFIX[city] as string}${String(10 + (n % 90)).padStart(2, '0')}`,
		city,
		phone: `070174${String(605 + (n % 95)).padStart(4, '0')}`,
		premise: String(1001 + (n % 300)),
	};
}

/** An address at example.com (reserved, never delivered). */
export function fakeEmail(firstname: string, surname: string, n: number): string {
	return `${asciiLocalPart(firstname)}.${asciiLocalPart(surname)}${n}@example.com`;
}

function asciiLocalPart(name: string): string {
	return name
		.toLowerCase()
		.replace(/[åä]/g, 'a')
		.replace(/ö/g, 'o')
		.replace(/é/g, 'e')
		.replace(/[^a-z]/g, '');
}
