/** "Include Personal Data" off: the fields that identify or reach a person are left out. */
import type { IDataObject } from 'n8n-workflow';

import { withoutPersonalData } from '../../../nodes/Tjansteguiden/helpers/personalData';
import { customerInfoFromPayload } from '../../../nodes/Tjansteguiden/transport/normalize';
import { readEnvelope } from '../../../nodes/Tjansteguiden/transport/envelope';
import { parseXml } from '../../../nodes/Tjansteguiden/transport/xml';
import { CUSTOMER_INFO } from '../specExamples';

const payloadOf = (xml: string) => readEnvelope(parseXml(xml)).payload as IDataObject;

test('personal data is removed unless asked for, also inside data', () => {
	const customer = customerInfoFromPayload(payloadOf(CUSTOMER_INFO));
	const stripped = withoutPersonalData(customer);
	expect(stripped).not.toHaveProperty('serial');
	expect(stripped).not.toHaveProperty('email');
	expect(stripped.data).toEqual({ premise: '1002' });
	expect(stripped.firstname).toBe('Susanne');
});
