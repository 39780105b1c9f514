import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';

/** The head of the chain at one moment, signed with the audit key, as one line of the anchor file. */
export interface Anchor {
  position: string;
  eventId: string;
  hash: string;
  at: string;
  mac: string;
}

function mac(key: Buffer, anchor: Omit<Anchor, 'mac'>): string {
  return createHmac('sha256', key)
    .update(`vir-audit-anchor|${anchor.position}|${anchor.eventId}|${anchor.hash}|${anchor.at}`)
    .digest('hex');
}

export function signAnchor(key: Buffer, head: Omit<Anchor, 'mac'>): Anchor {
  return { ...head, mac: mac(key, head) };
}

export function anchorIsSigned(key: Buffer, anchor: Anchor): boolean {
  const expected = Buffer.from(mac(key, anchor), 'hex');
  const given = Buffer.from(String(anchor.mac), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Appends one anchor as a JSON line; the file is only ever appended to. */
export async function appendAnchor(file: string, anchor: Anchor): Promise<void> {
  await appendFile(file, `${JSON.stringify(anchor)}\n`, { encoding: 'utf8', mode: 0o640 });
}

/** Every anchor in the file, oldest first, with the line it is on; unreadable lines come back as `undefined`. */
export async function readAnchors(file: string): Promise<{ line: number; anchor?: Anchor }[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .map((raw, index) => ({ raw: raw.trim(), line: index + 1 }))
    .filter(({ raw }) => raw.length > 0)
    .map(({ raw, line }) => {
      try {
        const parsed = JSON.parse(raw) as Anchor;
        return {
          line,
          anchor: typeof parsed.position === 'string' && typeof parsed.hash === 'string' ? parsed : undefined,
        };
      } catch {
        return { line };
      }
    });
}
