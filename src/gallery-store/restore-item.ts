/**
 * Items read back from IndexedDB are untrusted like any other input (another version of the
 * studio, an extension or a damaged profile may have written them): each is rebuilt field by
 * field, with its request through the contract's schema, or dropped. Items an older studio left
 * "pending" become runs the queue can resume.
 */
import { MAX_PROMPT_LENGTH, MAX_SEED, REQUEST_SCHEMAS } from '../api/contract';
import { readModelId } from '../lib/model-id';
import { INTERRUPTED } from './gallery-messages';
import type { GalleryItem, GalleryStatus } from './gallery-item';

const STATUSES: readonly string[] = ['queued', 'running', 'ready', 'failed', 'cancelled'] satisfies GalleryStatus[];
const MAX_TEXT = 2000;
const MAX_ID = 200;

const text = (value: unknown, max = MAX_TEXT) => (typeof value === 'string' ? value.slice(0, max) : undefined);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);
const flag = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

/** What an older studio's "pending" item becomes: a run the queue resumes where it can. */
function resumedStatus(record: Record<string, unknown>): Pick<GalleryItem, 'status' | 'problem' | 'resent'> {
  if (record.kind === 'video' && typeof record.jobId === 'string') return { status: 'running' };
  if (record.kind === 'image' || record.sourceStored === true) return { status: 'queued', resent: true };
  return { status: 'failed', problem: INTERRUPTED };
}

export function restoreItem(raw: unknown): GalleryItem | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const record = raw as Record<string, unknown>;
  const id = text(record.id, MAX_ID);
  const kind = record.kind;
  if (!id || (kind !== 'image' && kind !== 'transform' && kind !== 'video')) return undefined;
  const request = REQUEST_SCHEMAS[kind].safeParse(record.request);
  const createdAt = count(record.createdAt);
  if (!request.success || createdAt === undefined) return undefined;
  const status = record.status === 'pending' ? resumedStatus(record) : STATUSES.includes(record.status as string) ? { status: record.status as GalleryStatus } : undefined;
  if (!status) return undefined;
  const seed = count(record.seed);
  const item = {
    id,
    kind,
    backend: text(record.backend) ?? '',
    model: readModelId(record.model),
    seed: seed !== undefined && Number.isInteger(seed) && seed <= MAX_SEED ? seed : 0,
    remoteUrl: text(record.remoteUrl),
    mediaType: text(record.mediaType, 100),
    width: count(record.width),
    height: count(record.height),
    bytes: count(record.bytes),
    createdAt,
    favourite: record.favourite === true,
    parentId: text(record.parentId, MAX_ID),
    mediaStored: record.mediaStored === true,
    sourceStored: flag(record.sourceStored),
    problem: text(record.problem),
    attempts: count(record.attempts),
    startedAt: count(record.startedAt),
    resent: flag(record.resent),
    queueOrder: typeof record.queueOrder === 'number' && Number.isFinite(record.queueOrder) ? record.queueOrder : undefined,
    retryAt: count(record.retryAt),
    request: request.data,
    ...(kind === 'video' ? { jobId: text(record.jobId, MAX_ID), finishReason: text(record.finishReason, 100) } : { template: text(record.template, MAX_PROMPT_LENGTH) }),
    ...status,
  } as GalleryItem;
  // Drop the fields that were absent, so a rebuilt item equals the one that was written.
  for (const key of Object.keys(item) as Array<keyof GalleryItem>) if (item[key] === undefined) delete item[key];
  return item;
}
