import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/http/i18n/messages.js';
import { VIEWS_DIR } from '../../../../src/http/view-engine.js';

describe('item views', () => {
  it('use only interface texts that exist in both languages', () => {
    const files = [
      ...readdirSync(path.join(VIEWS_DIR, 'partials')).filter((f) => f.startsWith('item-')).map((f) => path.join(VIEWS_DIR, 'partials', f)),
      ...['talk', 'podcast', 'document', 'embed'].map((f) => path.join(VIEWS_DIR, 'pages', `${f}.hbs`)),
      path.join(VIEWS_DIR, 'layouts', 'embed.hbs'),
    ];
    const keys = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\{\{t "([^"]+)"/g)].map((m) => m[1] ?? '')));
    expect(keys.size).toBeGreaterThan(40);
    for (const key of keys) {
      for (const locale of ['fr', 'en'] as const) expect(() => translate(locale, key, { count: 2 }), `${key} (${locale})`).not.toThrow();
    }
  });
});
