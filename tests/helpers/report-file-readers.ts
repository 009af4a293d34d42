/** Readers the export tests check downloaded files with: RFC 4180 CSV and a strict little XML parser (no dependency). */

/** RFC 4180 back into records by header (quoted cells, doubled quotes, CRLF lines). */
export function readCsv(text: string): { header: string[]; records: Array<Record<string, string>>; raw: string[] } {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') {
      rows.at(-1)!.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      rows.at(-1)!.push(cell);
      rows.push([]);
      cell = '';
      i++;
    } else cell += ch;
  }
  const [header, ...body] = rows.slice(0, -1);
  return {
    header: header!,
    records: body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))),
    raw: text.split('\r\n'),
  };
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict little XML reader: one root, matched tags, quoted attributes, only the five named entities; throws otherwise. */
export function parseXml(xml: string): XmlElement {
  const decode = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(s) || /[<>]/.test(s)) throw new Error(`bad text: ${s}`);
    return s.replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!,
    );
  };
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const stack: XmlElement[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[A-Za-z]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = tag.exec(body))) {
    at = tag.lastIndex;
    const [, close, name, attrs, selfClose, text] = m;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      if (top.name === '#document') {
        if (text.trim()) throw new Error('text outside the root');
      } else top.text += decode(text);
    } else if (close) {
      if (stack.pop()!.name !== name) throw new Error(`</${name}> closes another element`);
    } else {
      const attributes = Object.fromEntries(
        [...attrs!.matchAll(/([A-Za-z]+)="([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)]),
      );
      const el: XmlElement = { name: name!, attributes, children: [], text: '' };
      top.children.push(el);
      if (!selfClose) stack.push(el);
    }
  }
  if (at !== body.length || stack.length !== 1 || stack[0]!.children.length !== 1) throw new Error('not well formed');
  const trim = (el: XmlElement): XmlElement => ({
    ...el,
    text: el.children.length ? el.text.trim() : el.text,
    children: el.children.map(trim),
  });
  return trim(stack[0]!.children[0]!);
}
