/**
 * The XMP packet the studio writes into WebP (and reads from WebP, JPEG and PNG): the
 * AUTOMATIC1111-style parameters as exif:UserComment, and the studio's recipe in its own
 * namespace. Reading looks only for those two properties, by the prefixes the packet binds to
 * their namespaces; everything else in a packet is left alone.
 */
import type { MetadataText } from './metadata-text';

export const XMP_PNG_KEYWORD = 'XML:com.adobe.xmp';
export const XMP_JPEG_SIGNATURE = 'http://ns.adobe.com/xap/1.0/\0';
const EXIF_NS = 'http://ns.adobe.com/exif/1.0/';
const RECIPE_NS = 'urn:aiart-studio:ns:recipe:1.0/';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name];
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

// eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry these control characters, even escaped
const NOT_IN_XML = /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

/** XML 1.0 text: markup characters escaped, and control characters it cannot carry replaced. */
function escapeXml(text: string): string {
  return text.replace(NOT_IN_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

const prefixOf = (xml: string, namespace: string) => new RegExp(`xmlns:([A-Za-z_]\\w*)=["']${namespace.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}["']`).exec(xml)?.[1];

/** The value of a simple property, written as an element or as an attribute. */
function simpleProperty(xml: string, prefix: string, name: string): string | undefined {
  const element = new RegExp(`<${prefix}:${name}>([^<]*)</${prefix}:${name}>`).exec(xml);
  const attribute = element ? undefined : new RegExp(`\\s${prefix}:${name}=(?:"([^"]*)"|'([^']*)')`).exec(xml);
  const raw = element?.[1] ?? attribute?.[1] ?? attribute?.[2];
  return raw === undefined ? undefined : unescapeXml(raw);
}

/** The default-language value of a language alternative (rdf:Alt), as exif:UserComment is. */
function altProperty(xml: string, prefix: string, name: string): string | undefined {
  const match = new RegExp(`<${prefix}:${name}>\\s*<rdf:Alt>\\s*<rdf:li[^>]*>([^<]*)</rdf:li>`).exec(xml);
  return match ? unescapeXml(match[1]) : undefined;
}

/** The studio's texts in an XMP packet, named as the PNG chunks that carry the same texts. */
export function xmpTexts(xml: string): MetadataText[] {
  const texts: MetadataText[] = [];
  const recipePrefix = prefixOf(xml, RECIPE_NS);
  const recipe = recipePrefix && simpleProperty(xml, recipePrefix, 'recipe');
  if (recipe) texts.push({ key: 'aiart-recipe', text: recipe });
  const exifPrefix = prefixOf(xml, EXIF_NS);
  const comment = exifPrefix && altProperty(xml, exifPrefix, 'UserComment');
  if (comment) texts.push({ key: 'parameters', text: comment });
  return texts;
}

export function buildXmp(parameters: string, recipeJson: string): string {
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:exif="${EXIF_NS}" xmlns:aiart="${RECIPE_NS}">`,
    `<exif:UserComment><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(parameters)}</rdf:li></rdf:Alt></exif:UserComment>`,
    `<aiart:recipe>${escapeXml(recipeJson)}</aiart:recipe>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
