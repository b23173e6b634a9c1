/** Small WebP thumbnails, made once in the browser when a result is saved. */

const THUMB_SIZE = 320;

/** A still's thumbnail, at most THUMB_SIZE on its longer side: the picture is decoded once. */
export async function imageThumbnail(source: Blob): Promise<{ thumb: Blob; width: number; height: number }> {
  const full = await createImageBitmap(source);
  const { width, height } = full;
  const scale = Math.min(1, THUMB_SIZE / Math.max(width, height));
  const thumb = await encodeBitmap(full, Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
  return { thumb, width, height };
}

/** A video's first frame as its thumbnail, at most THUMB_SIZE on its longer side. */
export async function videoThumbnail(source: Blob): Promise<{ thumb: Blob; width: number; height: number }> {
  const url = URL.createObjectURL(source);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  try {
    await new Promise((resolve, reject) => {
      video.onloadeddata = resolve;
      video.onerror = () => reject(new Error('the video could not be decoded'));
      video.src = url;
    });
    const { videoWidth: width, videoHeight: height } = video;
    const scale = Math.min(1, THUMB_SIZE / Math.max(width, height));
    const thumb = await encodeBitmap(video, Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
    return { thumb, width, height };
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}

async function encodeBitmap(bitmap: ImageBitmap | HTMLVideoElement, width?: number, height?: number): Promise<Blob> {
  const w = width ?? (bitmap as ImageBitmap).width;
  const h = height ?? (bitmap as ImageBitmap).height;
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, w, h);
  if ('close' in bitmap) bitmap.close();
  return canvas.convertToBlob({ type: 'image/webp', quality: 0.78 });
}
