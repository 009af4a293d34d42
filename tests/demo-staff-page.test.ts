/** The demo operator page publishes the seeded staff as DEMO_STAFF has them: e-mail, role, password, TOTP secret. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-operators.ts';
import { DEMO_STAFF } from '../demo/seed-staff.ts';

const page = readFileSync(new URL('../demo/site/operator/index.html', import.meta.url), 'utf8');
const rows = [
  ...page.matchAll(
    /<tr><td[^>]*>([^<]+)<\/td><td[^>]*>(\w+):[^<]*<\/td><td[^>]*><code>([A-Z2-7]+)<\/code><\/td><\/tr>/g,
  ),
];

describe('demo staff on /operator/', () => {
  it('lists every demo staff user with their role and secret, and the demo password', () => {
    expect(rows.map(([, email, role, secret]) => [email, role!.toLowerCase(), secret])).toEqual(
      DEMO_STAFF.map((s) => [s.email, s.role, s.totpSecret]),
    );
    expect(page).toContain(`<code class="demo-password">${DEMO_PASSWORD}</code>`);
    expect(page).toMatch(/Demo only:/);
  });
});
