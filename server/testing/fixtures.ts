/** Request helpers and upload files for engine tests. */
import sharp from 'sharp';

export async function postJson(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    ...init,
  });
}

export function form(fields: Record<string, string>, image?: { bytes: Uint8Array; name: string; type?: string }): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  if (image) data.set('image', new Blob([new Uint8Array(image.bytes)], { type: image.type ?? 'application/octet-stream' }), image.name);
  return data;
}

export function postForm(url: string, data: FormData, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body: data, headers });
}

/** A photo-like test picture: a gradient with a few shapes, in the asked format and size. */
export async function testPicture(width: number, height: number, format: 'png' | 'jpeg' | 'webp' | 'gif' = 'png') {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a6"/><stop offset="1" stop-color="#fc3"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.3}" cy="${height * 0.4}" r="${Math.min(width, height) * 0.2}" fill="#c22"/>
    <rect x="${width * 0.55}" y="${height * 0.5}" width="${width * 0.3}" height="${height * 0.3}" fill="#22c"/></svg>`;
  return sharp(Buffer.from(svg)).toFormat(format).toBuffer();
}

export async function decodedSize(bytes: Uint8Array) {
  const meta = await sharp(bytes).metadata();
  return { format: meta.format, width: meta.width, height: meta.height };
}

export async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Polls a video job until it is no longer in progress, returning the final answer. */
export async function pollVideo(base: string, id: string, cookie = '', intervalMs = 50) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const res = await fetch(`${base}/api/img2video/result/${id}`, { headers: cookie ? { cookie } : {} });
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status !== 202 && body.status !== 'retry') return { status: res.status, body };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`video job ${id} did not finish`);
}
