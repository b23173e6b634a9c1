/** Settings read from the sample pictures of other tools, and from files the studio writes its recipe into, for tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PictureSettings } from '../picture-metadata/picture-settings-result';
import { readPictureSettings } from '../picture-metadata/read-picture-settings';
import { writePictureRecipe, type StudioRecipe } from '../picture-metadata/write-picture-recipe';

const FIXTURES = path.join(import.meta.dirname, '../picture-metadata/fixtures');

export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

function found(result: Awaited<ReturnType<typeof readPictureSettings>>): PictureSettings {
  if (!result.ok) throw new Error(`expected settings, got ${result.reason}: ${result.message}`);
  return result;
}

/** The settings in one of the sample pictures (see fixtures/expected.json). */
export const sampleSettings = async (name: string) => found(await readPictureSettings(fixtureBytes(name)));

/** The settings in a studio file (studio-engine.png, .mp4…) once `recipe` is written in. */
export async function studioSettings(name: string, recipe: StudioRecipe): Promise<PictureSettings> {
  const written = await writePictureRecipe(new Blob([fixtureBytes(name) as BlobPart]), recipe);
  return found(await readPictureSettings(new Uint8Array(await written.arrayBuffer())));
}
