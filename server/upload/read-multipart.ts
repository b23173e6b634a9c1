/**
 * Reads a multipart form with one image file, holding at most MAX_UPLOAD_BYTES of it in memory:
 * a larger file stops the read with a 413 as soon as it passes the limit.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { MAX_UPLOAD_BYTES } from '../../src/api/contract';
import { ApiError } from '../http/api-error';

export interface MultipartForm {
  fields: Record<string, string>;
  file?: { name: string; bytes: Buffer };
}

const FIELD_BYTES = 64 * 1024;
/** Room for the text fields and part headers around the file. */
const FORM_OVERHEAD = 1024 * 1024;
const TOO_LARGE = `image must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;

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
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 32, fieldSize: FIELD_BYTES, parts: 40 },
      });
    } catch {
      reject(new ApiError(400, 'The multipart form could not be read (missing boundary?)'));
      return;
    }
    const form: MultipartForm = { fields: {} };
    let failure: ApiError | undefined;
    const fail = (error: ApiError) => {
      failure ??= error;
      req.unpipe(parser);
      reject(failure);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new ApiError(400, `${name} must be at most ${FIELD_BYTES} bytes`));
      else form.fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== fileField) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(new ApiError(413, TOO_LARGE)));
      stream.on('close', () => {
        if (!failure) form.file = { name, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => fail(new ApiError(400, `Send exactly one file, in the ${fileField} field`)));
    parser.on('error', () => fail(new ApiError(400, 'The multipart form is malformed')));
    parser.on('close', () => {
      if (!failure) resolve(form);
    });
    req.pipe(parser);
  });
}
