import type { Action } from 'svelte/action';

interface Options {
  /** The form's request is running (the page clears it when the action's answer arrives). */
  busy: boolean;
  /** Called as the first submit goes out. */
  onstart: () => void;
}

/**
 * Sends a form once: while its request runs, another submit (a double click, Enter pressed again) is dropped before
 * SvelteKit's enhance sees it. The listener is a capturing one, so it runs before the form's other submit listeners.
 * Without JavaScript the browser posts each submit and the API refuses the repeat (each step is taken once).
 */
export const submitOnce: Action<HTMLFormElement, Options> = (form, initial) => {
  let options = initial;
  let sent = initial.busy;
  const guard = (event: SubmitEvent) => {
    if (sent) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    sent = true;
    options.onstart();
  };
  form.addEventListener('submit', guard, { capture: true });
  return {
    update(next) {
      options = next;
      sent = next.busy;
    },
    destroy() {
      form.removeEventListener('submit', guard, { capture: true });
    },
  };
};
