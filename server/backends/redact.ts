/**
 * Keeps keys out of anything a client or a log may see: every text built from an upstream's
 * answer passes through here before it leaves the backend that read it.
 */

/** Shapes keys take even when they are not ours, e.g. an upstream echoing the key it was sent. */
const KEY_SHAPES = [/\bsk-[A-Za-z0-9_*.-]{6,}/g, /\bBearer\s+\S{6,}/gi, /\bBasic\s+[A-Za-z0-9+/=]{6,}/gi];

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 3) out = out.split(secret).join('[hidden]');
  for (const shape of KEY_SHAPES) out = out.replace(shape, '[hidden]');
  return out;
}

/** The forms a secret may be echoed in: as given, and as an HTTP basic credential. */
export function secretForms(value: string): string[] {
  const forms = [value, Buffer.from(value).toString('base64')];
  const colon = value.indexOf(':');
  if (colon >= 0) forms.push(value.slice(colon + 1));
  return forms;
}
