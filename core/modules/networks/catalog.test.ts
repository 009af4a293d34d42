/**
 * The catalog checked against the guide it was transcribed from. The guide (a byte-for-byte
 * copy in tests/fixtures, so a fresh clone runs this) is parsed here, and every network, setting,
 * per-offer parameter, tail and stream requirement in it must appear in NETWORK_CATALOG. The
 * comparison is a function returning problems so the tests can also show it catches drift.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NETWORK_CATALOG,
  findNetwork,
  type NetworkDefinition,
  type NetworkSettingKey,
  type TailStatus,
} from './catalog.ts';

const GUIDE = readFileSync(new URL('../../../tests/fixtures/seeds/003-cpa-networks.txt', import.meta.url), 'utf8');

interface ParsedNetwork {
  name: string;
  /** Every line of the network's block, for free-text checks ("создать поток"). */
  text: string;
  settings: string[];
  parameters: Array<{ name: string; meaningRu: string }>;
  /** Bullets of the "хвосты" section as label / value (value may be an instruction, not a tail). */
  tails: Array<{ label: string; value: string }>;
  /** The field-by-field postback description, if the network has one. */
  fields: { bullets: Record<string, string>; parameters: Array<{ name: string; text: string }> } | null;
  /** Bullets of sections this parser has no structure for (LimonAD's status names). */
  otherBullets: string[];
}

const BULLET = /^ {2}• (.*)$/;
const stripPeriod = (s: string) => s.replace(/\.$/, '');

/** A heading is a lone short line: not a bullet, no "label: value", not ending a sentence or a section. */
function isHeading(lines: string[], i: number): boolean {
  const line = lines[i]!;
  return (
    line.trim() !== '' &&
    !BULLET.test(line) &&
    !/[.:]$/.test(line) &&
    !line.includes(': ') &&
    (lines[i - 1] ?? '') === '' &&
    (lines[i + 1] ?? '') === ''
  );
}

function parseGuide(text: string): ParsedNetwork[] {
  const lines = text.split('\n');
  const networks: ParsedNetwork[] = [];
  let current: ParsedNetwork | null = null;
  let section: 'settings' | 'parameters' | 'tails' | 'fields' | 'fieldParameters' | 'other' | null = null;
  // Line 0 is the guide's title, line 2 its introduction; networks start after.
  for (let i = 3; i < lines.length; i++) {
    const line = lines[i]!;
    if (isHeading(lines, i)) {
      current = {
        name: line.trim(),
        text: '',
        settings: [],
        parameters: [],
        tails: [],
        fields: null,
        otherBullets: [],
      };
      networks.push(current);
      section = null;
      continue;
    }
    if (!current || line.trim() === '') continue;
    current.text += `${line}\n`;
    const bullet = BULLET.exec(line)?.[1];
    if (bullet === undefined) {
      if (!line.endsWith(':')) {
        section = null;
        continue;
      }
      if (line === 'Настройки для утилиты интеграции:') section = 'settings';
      else if (line === 'Используемые параметры:') section = 'parameters';
      else if (line.includes('хвост')) section = 'tails';
      else if (line.startsWith('Создание постбеков')) {
        section = 'fields';
        current.fields = { bullets: {}, parameters: [] };
      } else if (line === 'Дополнительные параметры:') section = 'fieldParameters';
      else section = 'other';
      continue;
    }
    if (section === null) throw new Error(`${current.name}: bullet outside a section: ${line}`);
    const colon = bullet.indexOf(': ');
    if (section === 'settings') current.settings.push(stripPeriod(bullet));
    else if (section === 'parameters') {
      const [name, ...meaning] = bullet.split(' - ');
      current.parameters.push({ name: name!, meaningRu: stripPeriod(meaning.join(' - ')) });
    } else if (section === 'tails')
      current.tails.push({ label: bullet.slice(0, colon), value: bullet.slice(colon + 2) });
    else if (section === 'fields') current.fields!.bullets[bullet.slice(0, colon)] = bullet.slice(colon + 2);
    else if (section === 'fieldParameters') {
      const [name, ...rest] = bullet.split(' - ');
      current.fields!.parameters.push({ name: name!, text: rest.join(' - ') });
    } else current.otherBullets.push(bullet);
  }
  return networks;
}

/** The guide's postback names, normalised; a name missing here fails the comparison on purpose. */
const TAIL_LABELS: Record<string, TailStatus> = {
  Глобальный: 'global',
  Approve: 'approve',
  Одобрение: 'approve',
  Аппрув: 'approve',
  Confirmed: 'approve',
  Cancel: 'cancel',
  Cancelled: 'cancel',
  Отклонение: 'cancel',
  Отмена: 'cancel',
  Trash: 'trash',
  Треш: 'trash',
  Duplicate: 'duplicate',
  Апселл: 'upsell',
};

/** The setting key a guide bullet implies, from its label and the kind of credential it names. */
function settingKeyFor(bullet: string): NetworkSettingKey | null {
  if (bullet.startsWith('Пользователь:')) return 'user_id';
  if (bullet.startsWith('Владелец:')) return 'owner_id';
  if (bullet.startsWith('Поток:')) return 'stream_id';
  if (bullet.startsWith('Секрет:')) return 'api_secret';
  if (bullet.startsWith('Ключ:') || bullet.startsWith('API: ключ')) return 'api_key';
  if (bullet.startsWith('API: bearer')) return 'bearer_token';
  if (bullet.startsWith('API: токен')) return 'api_token';
  return null;
}

function catalogProblems(guide: ParsedNetwork[], catalog: readonly NetworkDefinition[]): string[] {
  const problems: string[] = [];
  const report = (name: string, what: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      problems.push(`${name}: ${what}: guide ${JSON.stringify(expected)}, catalog ${JSON.stringify(actual)}`);
  };
  report(
    'catalog',
    'network names in order',
    guide.map((n) => n.name),
    catalog.map((n) => n.name),
  );
  for (const parsed of guide) {
    const def = catalog.find((n) => n.name === parsed.name);
    if (!def) continue;
    const name = parsed.name;
    report(
      name,
      'setting texts',
      parsed.settings,
      def.settings.map((s) => s.labelRu),
    );
    report(
      name,
      'setting keys',
      parsed.settings.map(settingKeyFor),
      def.settings.map((s) => s.key),
    );
    report(
      name,
      'secret settings',
      parsed.settings.map((s) => !['user_id', 'owner_id', 'stream_id'].includes(settingKeyFor(s) ?? '')),
      def.settings.map((s) => s.secret),
    );
    report(
      name,
      'offer parameters',
      parsed.parameters,
      def.offerParameters.map((p) => ({ name: p.name, meaningRu: p.meaningRu })),
    );
    report(
      name,
      'optional parameters',
      parsed.parameters.map((p) => /необязательный|если требуется/.test(p.meaningRu)),
      def.offerParameters.map((p) => p.optional === true),
    );
    report(name, 'streams required', /создать поток/.test(parsed.text), def.streamsRequired);
    // A "tail" without any parameter is an instruction (LeadRock: "leave empty"): kept in the notes.
    const tails = parsed.tails.filter((t) => t.value.includes('='));
    for (const instruction of parsed.tails.filter((t) => !t.value.includes('='))) {
      if (!def.notes?.includes(instruction.label))
        problems.push(`${name}: the instruction for "${instruction.label}" is not in the notes`);
    }
    if (parsed.otherBullets.length && !def.notes)
      problems.push(`${name}: extra instructions in the guide but no notes`);
    const mode = tails.length ? 'tails' : parsed.fields ? 'fields' : 'api';
    report(name, 'postback mode', mode, def.postbacks.mode);
    if (def.postbacks.mode === 'tails') {
      report(
        name,
        'tails',
        tails.map((t) => ({
          status: TAIL_LABELS[t.label] ?? `unknown label ${t.label}`,
          tail: t.value,
          label: t.label,
        })),
        def.postbacks.tails.map((t) => ({ status: t.status, tail: t.tail, label: t.label })),
      );
    }
    if (def.postbacks.mode === 'fields' && parsed.fields) {
      report(name, 'protocol', parsed.fields.bullets['Протокол'], def.postbacks.protocol);
      report(name, 'path', parsed.fields.bullets['Путь'], def.postbacks.path);
      report(
        name,
        'field parameters',
        parsed.fields.parameters.map((p) => {
          const source = p.text.startsWith('статическое значение: ')
            ? 'static'
            : p.text.startsWith('параметр из списка: ')
              ? 'list'
              : 'unknown';
          const after = p.text.slice(p.text.indexOf(': ') + 2);
          // A static value is its first word ("123-abcde", "accept"); a list entry drops its gloss ("Comment (комментарий)").
          const value = source === 'static' ? after.split(/[\s,]/)[0] : after.replace(/ \(.*\)$/, '');
          return { name: p.name, meaningRu: p.text, source, value };
        }),
        def.postbacks.parameters.map((p) => ({
          name: p.name,
          meaningRu: p.meaningRu,
          source: p.source,
          value: p.value,
        })),
      );
    }
  }
  return problems;
}

const guide = parseGuide(GUIDE);

describe('network catalog vs the guide', () => {
  it('parses the guide into networks that each have per-offer parameters', () => {
    // Guards the parser: a broken heading rule would merge or lose networks.
    expect(guide.length).toBeGreaterThanOrEqual(45);
    for (const network of guide) expect(network.parameters.length, network.name).toBeGreaterThan(0);
    expect(guide.map((n) => n.name)).toContain('Traffic Light (T-Ligth, CPA.tl)');
    expect(guide.find((n) => n.name === 'IKON')!.tails).toHaveLength(4);
  });

  it('carries every network, setting, parameter, tail and stream requirement over exactly', () => {
    expect(catalogProblems(guide, NETWORK_CATALOG)).toEqual([]);
    expect(NETWORK_CATALOG).toHaveLength(guide.length);
  });

  it('marks networks without a postback list as api mode (statuses by API)', () => {
    const withoutPostbacks = guide.filter((n) => !n.tails.length && !n.fields).map((n) => n.name);
    expect(withoutPostbacks.length).toBeGreaterThan(0);
    for (const name of withoutPostbacks)
      expect(NETWORK_CATALOG.find((n) => n.name === name)!.postbacks, name).toEqual({ mode: 'api' });
  });

  it('catches drift: a changed tail, a dropped network, a flipped stream flag, a lost setting', () => {
    const copy = () => structuredClone(NETWORK_CATALOG) as NetworkDefinition[];
    const tail = copy();
    const zcpa = tail[0]!.postbacks;
    if (zcpa.mode === 'tails') zcpa.tails[0]!.tail = zcpa.tails[0]!.tail.replace('sta=11', 'sta=1l');
    expect(catalogProblems(guide, tail).join('\n')).toContain('AdBees (ZCPA): tails');
    const dropped = copy().filter((n) => n.name !== 'KMA');
    expect(catalogProblems(guide, dropped).join('\n')).toContain('network names in order');
    const flipped = copy();
    flipped.find((n) => n.name === 'Starway')!.streamsRequired = false;
    expect(catalogProblems(guide, flipped)).toEqual([expect.stringContaining('Starway: streams required')]);
    const lost = copy();
    lost.find((n) => n.name === 'ApiLeads')!.settings.pop();
    expect(catalogProblems(guide, lost).join('\n')).toContain('ApiLeads: setting texts');
    const renamed = copy();
    renamed.find((n) => n.name === 'LeadBit')!.offerParameters[1]!.name = 'leadsites';
    expect(catalogProblems(guide, renamed).join('\n')).toContain('LeadBit: offer parameters');
  });

  it('has unique slug keys that findNetwork resolves', () => {
    const keys = NETWORK_CATALOG.map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(findNetwork(key)!.key).toBe(key);
    }
    expect(findNetwork('adbees-zcpa')!.name).toBe('AdBees (ZCPA)');
    expect(findNetwork('nope')).toBeUndefined();
  });

  it('gives every setting, parameter and field an English text', () => {
    const cyrillic = /[А-Яа-яЁё]/;
    for (const n of NETWORK_CATALOG) {
      for (const s of n.settings) expect(s.label, `${n.name} ${s.key}`).not.toMatch(cyrillic);
      for (const p of n.offerParameters) expect(p.meaning, `${n.name} ${p.name}`).not.toMatch(cyrillic);
      if (n.postbacks.mode === 'fields')
        for (const p of n.postbacks.parameters) expect(p.meaning).not.toMatch(cyrillic);
    }
  });
});
