import type { Action } from 'svelte/action';

/** What the API takes is 1 MB; a photo under this goes as it is, and so does any PDF. */
const SMALL_ENOUGH = 900 * 1024;
/** Long enough that a signature and handwritten figures stay legible. */
const LONGEST_SIDE = 2000;

/** A photo of a signed document scaled down in the browser (JPEG), so a phone's photo fits the upload limit. */
async function scaled(file: File): Promise<File> {
  if (file.type === 'application/pdf') return file;
  if (file.size <= SMALL_ENOUGH && /^image\/(jpeg|png|webp)$/.test(file.type)) return file;
  const bitmap = await createImageBitmap(file);
  const ratio = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * ratio), Math.round(bitmap.height * ratio));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  let blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  if (blob.size > SMALL_ENOUGH) blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
  return new File([blob], `${file.name.replace(/\.[^.]*$/, '')}.jpg`, { type: 'image/jpeg' });
}

/**
 * On a file input: a picked photo is replaced by its scaled copy before the form is sent. Without JavaScript, or where
 * the browser cannot decode the photo, the original goes and the API says if it is too large or of another kind.
 */
export const scaleScan: Action<HTMLInputElement> = (input) => {
  const onChange = async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const copy = await scaled(file);
      if (copy === file) return;
      const files = new DataTransfer();
      files.items.add(copy);
      input.files = files.files;
    } catch {
      // Left as picked.
    }
  };
  const listener = () => void onChange();
  input.addEventListener('change', listener);
  return { destroy: () => input.removeEventListener('change', listener) };
};
