import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/http/i18n/messages.js';
import { localeEntry } from '../../../../src/http/locale.js';

describe('web foundation', () => {
  it('has every interface text in both languages', () => {
    expect(Object.keys(localeEntry('en').messages).sort()).toEqual(Object.keys(localeEntry('fr').messages).sort());
    expect(() => translate('fr', 'no.such.key')).toThrow(/no interface text/);
  });
});
