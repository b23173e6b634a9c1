/**
 * Reads a multipart form with one image file, holding at most MAX_UPLOAD_BYTES of it in memory.
 * Every way the form can go wrong (a limit passed, a malformed or cut-off body, a stream error)
 * settles the promise with a 4xx ApiError naming the cause; nothing it reads can throw elsewhere.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { MAX_UPLOAD_BYTES } from '../../src/api/contract';
import { ApiError } from '../http/api-error';

export interface MultipartForm {
  fields: Record<string, string>;
  file?: { name: string; bytes: Buffer };
}

export const FORM_LIMITS = { fieldBytes: 64 * 1024, fields: 32, parts: 40 } as const;
/** Room for the text fields and part headers around the file. */
const FORM_OVERHEAD = 1024 * 1024;
const TOO_LARGE = `image must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB (${MAX_UPLOAD_BYTES} bytes)`;

export function readMultipart(req: IncomingMessage, fileField: string): Promise<MultipartForm> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) {
    return Promise.reject(new ApiError(400, 'Send the request as multipart/form-data with an image field'));
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + FORM_OVERHEAD) {
    return Promise.reject(new ApiError(413, TOO_LARGE));
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Busboy reports a limit when a count or size *reaches* it: one more makes each limit inclusive.
      parser = busboy({
        headers: req.headers,
        limits: {
          fileSize: MAX_UPLOAD_BYTES + 1,
          files: 1,
          fields: FORM_LIMITS.fields,
          fieldSize: FORM_LIMITS.fieldBytes + 1,
          parts: FORM_LIMITS.parts + 1,
        },
      });
    } catch {
      reject(new ApiError(400, 'The multipart form could not be read: its Content-Type has no usable boundary'));
      return;
    }
    const form: MultipartForm = { fields: {} };
    let settled = false;
    const fail = (error: ApiError) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      reject(error);
    };
    // These listeners run inside busboy's stream callbacks, where a throw would end the process:
    // every failure goes through fail(), and a part's name may be missing.
    parser.on('field', (name: string | undefined, value, info) => {
      if (name === undefined) fail(new ApiError(400, 'Every form field needs a name'));
      else if (info.valueTruncated) fail(new ApiError(400, `${name.slice(0, 64)} must be at most ${FORM_LIMITS.fieldBytes} bytes`));
      else if (Object.hasOwn(form.fields, name)) fail(new ApiError(400, `${name.slice(0, 64)} is sent twice; send each field once`));
      else form.fields[name] = value;
    });
    parser.on('file', (name: string | undefined, stream) => {
      // A listener on every file stream: an unhandled stream error would end the process.
      stream.on('error', () => fail(new ApiError(400, `The upload ended in the middle of the ${fileField} file`)));
      if (name !== fileField) {
        stream.resume();
        fail(new ApiError(400, `Files are accepted only in the ${fileField} field, not in ${(name ?? 'a field with no name').slice(0, 64)}`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(new ApiError(413, TOO_LARGE)));
      stream.on('end', () => {
        form.file = { name, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => fail(new ApiError(400, `Send exactly one file, in the ${fileField} field`)));
    parser.on('fieldsLimit', () => fail(new ApiError(400, `The form may have at most ${FORM_LIMITS.fields} text fields`)));
    parser.on('partsLimit', () => fail(new ApiError(400, `The form may have at most ${FORM_LIMITS.parts} parts`)));
    parser.on('error', (error: Error) => fail(new ApiError(400, `The multipart form is malformed: ${describe(error)}`)));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve(form);
    });
    // A client that goes away mid-upload leaves busboy waiting forever: settle instead.
    req.on('error', () => fail(new ApiError(400, 'The upload was cut off before it ended')));
    req.on('close', () => {
      if (!req.complete) fail(new ApiError(400, 'The upload was cut off before it ended'));
    });
    req.pipe(parser);
  });
}

/** Busboy's own messages are fixed phrases ("Unexpected end of form"); anything else stays generic. */
function describe(error: Error): string {
  return /^(Unexpected end of (form|file)|Malformed part header|Malformed urlencoded form)$/.test(error.message)
    ? error.message.toLowerCase()
    : 'it could not be parsed';
}
