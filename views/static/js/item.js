import { enhanceCopyButtons } from './item-copy.js';

/** Document pages: copy buttons, and `?page=3` scrolls to that page's text (the server marked it). */
enhanceCopyButtons();

const page = new URLSearchParams(window.location.search).get('page');
if (page && !window.location.hash) {
  document.getElementById(`page-${page}`)?.scrollIntoView({ block: 'start' });
}
