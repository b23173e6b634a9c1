/**
 * IndexedDB for unit tests: fake-indexeddb, with Node's Blob and File in place of jsdom's, which
 * Node cannot structured-clone (they would come back as empty objects).
 */
import 'fake-indexeddb/auto';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';

globalThis.Blob = NodeBlob as unknown as typeof Blob;
globalThis.File = NodeFile as unknown as typeof File;
