/**
 * Byte-level helpers of the door check: what a file's first bytes say it is (for the Spanish
 * message when it is not an .xlsx) and sizes said in Colombian Spanish.
 */

const MiB = 1024 * 1024;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO_UTF16 = utf16le('EncryptionInfo');
const ENCRYPTED_PACKAGE_UTF16 = utf16le('EncryptedPackage');

/** An OLE compound file (D0 CF 11 E0 …): a legacy .xls / Office 97-2003 file, or an encrypted .xlsx. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, CFB_MAGIC);
}

/** A compound file holding an "EncryptionInfo" or "EncryptedPackage" stream: a password-protected .xlsx. */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  return indexOf(bytes, ENCRYPTION_INFO_UTF16) >= 0 || indexOf(bytes, ENCRYPTED_PACKAGE_UTF16) >= 0;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

export function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** "1 GB", "1,5 GB", "100 MB", "12,3 MB", "850 KB" (binary units, Colombian decimal comma). */
export function formatBytes(n: number): string {
  const unit = (value: number, label: string) => {
    const text = value >= 10 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1).replace('.', ',').replace(/,0$/, '');
    return `${text.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ${label}`;
  };
  if (n >= 1024 * MiB) return unit(n / (1024 * MiB), 'GB');
  if (n >= MiB) return unit(n / MiB, 'MB');
  if (n >= 1024) return unit(n / 1024, 'KB');
  return `${n} bytes`;
}

/** What a non-zip file most likely is, for the message. */
export function describeForeign(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'es un PDF';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'es una página web (HTML)';
  if (head.startsWith('<?xml')) return head.includes('urn:schemas-microsoft-com:office:spreadsheet') ? 'es una hoja XML 2003 de Excel' : 'es un archivo XML';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return 'es una imagen';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return 'es un archivo comprimido RAR';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'es un archivo comprimido gzip';
  let printable = 0;
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  }
  if (n > 0 && printable / n > 0.95) return 'es un archivo de texto (¿un CSV renombrado?)';
  return 'tiene un formato desconocido';
}
