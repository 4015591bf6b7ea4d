/**
 * The sign-language video follows the main player (play, pause, seek, speed) and can be moved:
 * beside the picture, over one of its bottom corners, or enlarged. Without JavaScript it is a
 * separate player with its own controls.
 */
export function followSignLanguage(main) {
  const sign = document.getElementById('sign-language');
  if (!(sign instanceof HTMLVideoElement)) return;
  sign.controls = false;
  sign.muted = true;
  const sync = (tolerance) => {
    if (Math.abs(sign.currentTime - main.currentTime) > tolerance) sign.currentTime = main.currentTime;
  };
  const play = () => {
    sync(0.2);
    sign.playbackRate = main.playbackRate;
    sign.play().catch(() => {});
  };
  main.addEventListener('play', play);
  main.addEventListener('playing', play);
  main.addEventListener('pause', () => sign.pause());
  main.addEventListener('waiting', () => sign.pause());
  main.addEventListener('ended', () => sign.pause());
  main.addEventListener('seeked', () => sync(0.1));
  main.addEventListener('ratechange', () => {
    sign.playbackRate = main.playbackRate;
  });
  // Drift creeps in when either video stalls: correct it when it becomes visible.
  main.addEventListener('timeupdate', () => {
    if (!main.paused) sync(0.4);
  });

  const stage = document.getElementById('item-stage');
  const figure = document.getElementById('sign-window');
  const buttons = [...document.querySelectorAll('button[data-sign-position]')];
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const position = button.dataset.signPosition ?? 'beside';
      stage?.setAttribute('data-sign-position', position);
      figure?.setAttribute('data-position', position);
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
    });
  }
}
