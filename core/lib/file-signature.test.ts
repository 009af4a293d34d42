import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-signature.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
};

const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** IHDR chunk of a 1×1 RGBA image: length 13, type, width, height, depth 8, colour 6, CRC. */
const PNG_IHDR = new Uint8Array([
  0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);
const MINIMAL_PDF = encode(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
/** JFIF JPEG start: SOI, APP0 "JFIF". */
const JPEG_HEAD = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0,
]);
/** A DOS/PE header as every Windows .exe starts: "MZ", then the PE offset at 0x3c pointing at "PE\0\0". */
function windowsExecutable(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0x4d, 0x5a], 0);
  bytes.set([0x80, 0, 0, 0], 0x3c);
  bytes.set([0x50, 0x45, 0, 0, 0x4c, 0x01], 0x80);
  return bytes;
}

describe('detectFileType', () => {
  it('recognises a PDF, a PNG and a JPEG by their first bytes', async () => {
    expect(await detectFileType(MINIMAL_PDF)).toEqual({ mime: 'application/pdf', ext: 'pdf' });
    expect(await detectFileType(concat(PNG_SIGNATURE, PNG_IHDR, new Uint8Array(32)))).toEqual({
      mime: 'image/png',
      ext: 'png',
    });
    expect(await detectFileType(concat(JPEG_HEAD, new Uint8Array(64)))).toEqual({ mime: 'image/jpeg', ext: 'jpg' });
  });

  it('calls a Windows executable what it is, whatever the file was named', async () => {
    // The bytes are all there is: a "passport.pdf" made of an .exe is still an executable.
    const detected = await detectFileType(windowsExecutable());
    expect(detected).toEqual({ mime: 'application/x-msdownload', ext: 'exe' });
    expect(detected?.mime).not.toBe('application/pdf');
  });

  it('recognises a Linux executable (ELF) too', async () => {
    const elf = concat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), new Uint8Array(64));
    expect((await detectFileType(elf))?.mime).toBe('application/x-elf');
  });

  it('answers null for random bytes, plain text and an empty file', async () => {
    // Fixed "random" bytes so the test cannot flake on a lucky signature.
    const noise = new Uint8Array(256).map((_, index) => (index * 73 + 41) % 251);
    expect(await detectFileType(noise)).toBeNull();
    expect(await detectFileType(encode('just some words, not a document'))).toBeNull();
    expect(await detectFileType(new Uint8Array(0))).toBeNull();
  });

  it('lets the header decide: a PNG header followed by garbage is a PNG, a bare signature over noise is not', async () => {
    const garbage = new Uint8Array(500).map((_, index) => (index * 31 + 7) % 256);
    expect((await detectFileType(concat(PNG_SIGNATURE, PNG_IHDR, garbage)))?.mime).toBe('image/png');
    expect(await detectFileType(concat(PNG_SIGNATURE, new Uint8Array([0xff, 0xff, 0xff, 0xf0]), garbage))).toBeNull();
  });

  it('does not trust a PDF name inside text: the signature must open the file', async () => {
    expect(await detectFileType(encode('hello %PDF-1.4 world'))).toBeNull();
  });
});
