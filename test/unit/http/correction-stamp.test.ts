import { describe, expect, it } from 'vitest';
import { checkFormStamp, formStamp, MAX_FORM_SECONDS, MIN_FORM_SECONDS } from '../../../src/http/correction-stamp.js';

const key = Buffer.alloc(32, 1);
const shown = 1_800_000_000_000;

describe('the correction form’s signed time', () => {
  it('is taken from the minimum time on to a day', () => {
    const stamp = formStamp(key, 'item-a', shown);
    expect(checkFormStamp(key, 'item-a', stamp, shown + MIN_FORM_SECONDS * 1000)).toBe('ok');
    expect(checkFormStamp(key, 'item-a', stamp, shown + MIN_FORM_SECONDS * 1000 - 1)).toBe('too-soon');
    expect(checkFormStamp(key, 'item-a', stamp, shown + MAX_FORM_SECONDS * 1000 + 1)).toBe('too-old');
  });

  it('is refused for another item, another key, a changed time or no stamp', () => {
    const stamp = formStamp(key, 'item-a', shown);
    const later = shown + 60_000;
    expect(checkFormStamp(key, 'item-b', stamp, later)).toBe('invalid');
    expect(checkFormStamp(Buffer.alloc(32, 2), 'item-a', stamp, later)).toBe('invalid');
    expect(checkFormStamp(key, 'item-a', stamp.replace(String(shown), String(shown - 50_000)), later)).toBe('invalid');
    expect(checkFormStamp(key, 'item-a', undefined, later)).toBe('invalid');
    expect(checkFormStamp(key, 'item-a', 'garbage', later)).toBe('invalid');
  });
});
