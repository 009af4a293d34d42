/** What a renamed .exe really is, for upload tests: the start of a Windows executable. */

/** The first kilobyte of a Windows executable: "MZ", the PE offset at 0x3c, and "PE\0\0" there. */
export function windowsExecutable(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0x4d, 0x5a], 0);
  bytes.set([0x80, 0, 0, 0], 0x3c);
  bytes.set([0x50, 0x45, 0, 0, 0x4c, 0x01], 0x80);
  return bytes;
}
