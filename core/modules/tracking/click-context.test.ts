/** The user-agent memory: same traits as a fresh parse, bounded, and no memory for absent or very long agents. */
import { expect, it } from 'vitest';
import { createClientDescriber, describeClient } from './click-context.ts';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

it('answers what a fresh parse answers, from memory the second time', () => {
  const describe = createClientDescriber(10);
  for (const agent of [CHROME, IPHONE, BOT, null]) expect(describe(agent)).toEqual(describeClient(agent));
  expect(describe(CHROME)).toBe(describe(CHROME));
  expect(describe(IPHONE)).toMatchObject({ device: 'mobile', os: 'iOS', isBot: false });
  expect(describe(BOT)).toMatchObject({ device: 'bot', isBot: true });
});

it('forgets the oldest agent when full, and keeps nothing for very long agents', () => {
  const describe = createClientDescriber(2);
  const first = describe(CHROME);
  describe(IPHONE);
  describe(BOT); // the memory holds two: CHROME leaves
  expect(describe(CHROME)).not.toBe(first);
  expect(describe(CHROME)).toEqual(first);
  const long = `${CHROME} ${'x'.repeat(600)}`;
  expect(describe(long)).not.toBe(describe(long));
});
