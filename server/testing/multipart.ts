/** Builds multipart bodies and whole HTTP requests byte by byte, so tests can break them anywhere. */

export type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: Uint8Array };

export const BOUNDARY = 'aiart-test-boundary';

export function multipartBody(parts: Part[], boundary = BOUNDARY): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      'filename' in part
        ? `form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}`
        : `form-data; name="${part.name}"`;
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`, 'latin1'));
    pieces.push('filename' in part ? Buffer.from(part.bytes) : Buffer.from(part.value, 'utf8'));
    pieces.push(Buffer.from('\r\n', 'latin1'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  return Buffer.concat(pieces);
}

/** A request head; Content-Length is the body's unless `headers` sets one. */
export function requestHead(method: string, path: string, host: string, headers: Record<string, string>, bodyLength?: number): string {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${host}`, 'Connection: close'];
  if (bodyLength !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
    lines.push(`Content-Length: ${bodyLength}`);
  }
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A whole multipart POST, head and body, as bytes. */
export function multipartRequest(path: string, host: string, body: Buffer, headers: Record<string, string> = {}): Buffer {
  const head = requestHead('POST', path, host, { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers }, body.length);
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}
