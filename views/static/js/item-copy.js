/**
 * Copy buttons beside read-only fields (attribution, embed code, link to a moment). Without
 * JavaScript the buttons stay hidden and the fields can be selected and copied by hand; with it,
 * a button copies its field and says so in the status line next to it. Controls that only make
 * sense with JavaScript carry `data-enhanced` and `hidden`: they are shown here.
 */
export function enhanceCopyButtons(root = document) {
  for (const element of root.querySelectorAll('[data-enhanced][hidden]')) element.hidden = false;
  for (const button of root.querySelectorAll('button[data-copy]')) {
    const field = document.getElementById(button.dataset.copy ?? '');
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) {
      button.hidden = true;
      continue;
    }
    button.addEventListener('click', () => copyField(button, field));
  }
}

async function copyField(button, field) {
  const status = button.closest('.item-copy')?.querySelector('[role="status"]');
  let copied = false;
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(field.value);
    copied = true;
  } catch {
    // Clipboard refused (insecure origin, permissions): select the text so the reader copies it.
    field.focus();
    field.select();
  }
  if (status) announce(status, copied ? status.dataset.done : status.dataset.selected);
}

/** Empties then refills a live region, so the same message twice is still read out. */
export function announce(region, message) {
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message ?? '';
  }, 60);
}
