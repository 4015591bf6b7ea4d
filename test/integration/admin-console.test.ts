import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOperator } from '../../src/services/operators/operators.js';
import { readOperatorLog } from '../../src/services/operators/operator-log.js';
import { AdminClient } from '../support/admin-client.js';
import { startTestWeb, type TestWeb } from '../support/web.js';

let site: TestWeb;

beforeAll(async () => {
  site = await startTestWeb([]);
  await addOperator(site.store, 'camille', 'un mot de passe assez long');
});
afterAll(async () => {
  await site?.close();
});

describe('signing in', () => {
  it('signs in with the right password and reaches the console', async () => {
    const client = new AdminClient(site.url);
    const form = await client.get('/admin/session');
    expect(form.status).toBe(200);
    const answer = await client.post('/admin/session', { name: 'camille', password: 'un mot de passe assez long' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/admin');
    const home = await client.get('/admin');
    expect(home.status).toBe(200);
    expect(home.text).toContain('camille');
    const log = await readOperatorLog(site.store, { limit: 5 });
    expect(log[0]).toMatchObject({ operator: 'camille', action: 'session.sign-in' });
  });
});
