import { describe, expect, it } from 'vitest';
import { messengerUrl, normaliseHandle, normaliseMessengers } from './messengers.ts';

describe('messenger handles', () => {
  it('normalises Telegram usernames and links them to t.me only', () => {
    for (const raw of ['@lucky_spin', 'lucky_spin', 'https://t.me/lucky_spin', ' t.me/lucky_spin '])
      expect(normaliseHandle('telegram', raw)).toEqual({ ok: true, handle: '@lucky_spin' });
    expect(messengerUrl({ kind: 'telegram', handle: '@lucky_spin' })).toBe('https://t.me/lucky_spin');
    for (const raw of ['@ab', 'javascript:alert(1)', '@1abcde', 'https://evil.example/lucky', '@lucky spin'])
      expect(normaliseHandle('telegram', raw)).toMatchObject({
        ok: false,
        problem: { reason: 'invalid_format', params: { format: 'telegram_username' } },
      });
  });

  it('normalises WhatsApp phone numbers to digits and links them to wa.me only', () => {
    expect(normaliseHandle('whatsapp', '+49 (30) 123-4567')).toEqual({ ok: true, handle: '+49301234567' });
    expect(messengerUrl({ kind: 'whatsapp', handle: '+49301234567' })).toBe('https://wa.me/49301234567');
    for (const raw of ['12345', '+49 30 abc', '0049301234567', 'https://wa.me/4930'])
      expect(normaliseHandle('whatsapp', raw)).toMatchObject({ ok: false, problem: { params: { format: 'phone' } } });
  });

  it('gives Skype and other handles no link, and refuses what is not one', () => {
    expect(normaliseHandle('skype', 'live:.cid.123abc')).toEqual({ ok: true, handle: 'live:.cid.123abc' });
    expect(messengerUrl({ kind: 'skype', handle: 'luckyspin.aff' })).toBeNull();
    expect(normaliseHandle('skype', 'ab')).toMatchObject({ ok: false, problem: { params: { format: 'skype_name' } } });
    expect(normaliseHandle('other', 'Discord: lucky#1234')).toEqual({ ok: true, handle: 'Discord: lucky#1234' });
    expect(messengerUrl({ kind: 'other', handle: 'https://t.me/x' })).toBeNull();
    expect(normaliseHandle('other', 'x'.repeat(101))).toMatchObject({ ok: false, problem: { reason: 'too_long' } });
    // A stored handle that is somehow not normalised gets no link either.
    expect(messengerUrl({ kind: 'telegram', handle: '@evil.example/x' })).toBeNull();
    expect(messengerUrl({ kind: 'whatsapp', handle: '+1 javascript:' })).toBeNull();
  });

  it('names each refused handle by its index and drops duplicates', () => {
    const { messengers, problems } = normaliseMessengers('body.messengers', [
      { kind: 'telegram', handle: '@Lucky_Spin' },
      { kind: 'telegram', handle: 'lucky_spin' },
      { kind: 'whatsapp', handle: 'call me' },
    ]);
    expect(messengers).toEqual([{ kind: 'telegram', handle: '@Lucky_Spin' }]);
    expect(problems.map((p) => [p.path, p.reason])).toEqual([['body.messengers.2.handle', 'invalid_format']]);
  });
});
