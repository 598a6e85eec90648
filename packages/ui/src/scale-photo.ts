import type { Action } from 'svelte/action';

/** What the API takes: 1 MB; a photo under this is sent as it is. */
const SMALL_ENOUGH = 900 * 1024;
const LONGEST_SIDE = 1600;

/** A photo scaled down in the browser (longest side 1600 px, JPEG) so a phone's photo fits the upload limit. */
async function scaled(file: File): Promise<File> {
  if (file.size <= SMALL_ENOUGH && /^image\/(jpeg|png|webp)$/.test(file.type)) return file;
  const bitmap = await createImageBitmap(file);
  const ratio = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * ratio), Math.round(bitmap.height * ratio));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  return new File([blob], `${file.name.replace(/\.[^.]*$/, '')}.jpg`, { type: 'image/jpeg' });
}

/**
 * On a file input: each picked photo is replaced by its scaled copy before the form is sent. Without JavaScript, or
 * where the browser cannot decode a photo, the original goes and the API says if it is too large or not an image.
 */
export const scalePhoto: Action<HTMLInputElement> = (input) => {
  const onChange = async () => {
    const picked = [...(input.files ?? [])];
    if (!picked.length) return;
    const copies = await Promise.all(picked.map((file) => scaled(file).catch(() => file)));
    if (copies.every((copy, i) => copy === picked[i])) return;
    const files = new DataTransfer();
    copies.forEach((copy) => files.items.add(copy));
    input.files = files.files;
  };
  const listener = () => void onChange();
  input.addEventListener('change', listener);
  return { destroy: () => input.removeEventListener('change', listener) };
};
