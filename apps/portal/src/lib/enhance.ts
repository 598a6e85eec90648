// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one place that wraps SvelteKit's enhance
import { enhance as kitEnhance, type ActionResult, type SubmitFunction } from '$app/forms';
import { tick } from 'svelte';
import { announcer } from '#lib/announcer.svelte.ts';
import { t } from '#lib/i18n/index.ts';

const SUBMITS = 'button:not([type="button"]):not([type="reset"]), input[type="submit"]';

/**
 * SvelteKit's `enhance`, and the one every portal form (and every plugin page, through its kit) uses: while the
 * request runs the form is `aria-busy`, its buttons are disabled and the one pressed shows it is working; a second
 * submit (a double click, Enter pressed again) is dropped before anything is sent; what it is doing is shown (the
 * button's `data-progress` words, or that it is being sent) and the result is announced — the
 * failure's own message, or that the step is done. Without JavaScript the browser posts as usual and the API
 * refuses a repeat.
 */
export function enhance<
  Success extends Record<string, unknown> | undefined,
  Failure extends Record<string, unknown> | undefined,
>(form: HTMLFormElement, submit: SubmitFunction<Success, Failure> = () => {}) {
  let busy = false;
  const dropRepeat = (event: SubmitEvent) => {
    if (!busy) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  form.addEventListener('submit', dropRepeat, { capture: true });

  const enhanced = kitEnhance<Success, Failure>(form, async (input) => {
    let cancelled = false;
    const after = await submit({
      ...input,
      cancel: () => {
        cancelled = true;
        input.cancel();
      },
    });
    if (cancelled) return;
    const release = hold(form, input.submitter);
    busy = true;
    return async (outcome) => {
      try {
        if (after) await after(outcome);
        else await outcome.update();
      } finally {
        busy = false;
        release();
        await tick();
        announce(outcome.result);
      }
    };
  });

  return {
    destroy() {
      form.removeEventListener('submit', dropRepeat, { capture: true });
      enhanced.destroy();
    },
  };
}

/** Disables the form's buttons (the ones it had disabled stay so) and marks the pressed one as pending. */
function hold(form: HTMLFormElement, submitter: HTMLElement | null) {
  form.setAttribute('aria-busy', 'true');
  const buttons = [...form.querySelectorAll<HTMLButtonElement | HTMLInputElement>(SUBMITS)].filter((b) => !b.disabled);
  for (const button of buttons) button.disabled = true;
  const pressed = submitter ?? buttons[0];
  pressed?.setAttribute('data-pending', '');
  // A step that takes a while says what it is doing (`data-progress="正在计票…"` on its button).
  announcer.say('progress', pressed?.dataset.progress || t('form.pending'));
  return () => {
    form.removeAttribute('aria-busy');
    for (const button of buttons) button.disabled = false;
    pressed?.removeAttribute('data-pending');
  };
}

function announce(result: ActionResult) {
  if (result.type === 'failure') {
    const message = (result.data as { message?: unknown } | undefined)?.message;
    const text = typeof message === 'string' && message ? message : t('form.failed');
    // A page that shows the refusal next to its form (in an alert, read out as it appears) is not told it twice.
    if (!document.getElementById('main')?.textContent?.includes(text)) announcer.say('failure', text);
    else announcer.clear(announcer.current?.id ?? 0);
  } else if (result.type === 'error') {
    announcer.say('failure', t('form.failed'));
  } else {
    announcer.say('success', t('form.done'));
  }
}
