import { HLS_TYPE, savesData } from './player-hls.js';

/**
 * The player's stream choices, from #player-streams-template (player-streams.hbs) into
 * #player-streams: "listen only" plays the talk's sound playlist instead of the ladder and back,
 * at the same second, so only sound segments are fetched meanwhile; the quality menu picks an
 * hls.js level (or, where the browser plays HLS itself, the HLS master or the MP4 file); a visitor
 * saving data starts at the lowest level, pinned, and is told so. `attaching` resolves to the
 * hls.js instance, or null where the <source> list plays natively.
 */
export async function offerStreamChoices(media, attaching) {
  const template = document.getElementById('player-streams-template');
  const slot = document.getElementById('player-streams');
  if (!(template instanceof HTMLTemplateElement) || !slot) return;
  const hls = await attaching;
  // Neither hls.js nor native HLS (hls.js could not load): the MP4 plays, and there is nothing to choose.
  if (!hls && media.canPlayType(HLS_TYPE) === '') return;
  slot.append(template.content.cloneNode(true));
  const listen = document.getElementById('player-audio-only');
  const quality = document.getElementById('player-quality');
  const status = slot.querySelector('[role="status"]');
  const engine = hls ? hlsEngine(media, hls, quality, status) : nativeEngine(media, quality);

  quality.addEventListener('change', () => engine.choose(quality.value));
  listen?.addEventListener('click', () => {
    const on = listen.getAttribute('aria-pressed') !== 'true';
    listen.setAttribute('aria-pressed', String(on));
    quality.disabled = on;
    engine.listen(on, listen.dataset.src);
    status.textContent = on ? listen.dataset.on : listen.dataset.off;
  });
}

/** hls.js: levels by size; sound alone is its media playlist loaded in place of the master. */
function hlsEngine(media, hls, quality, status) {
  const Hls = window.Hls;
  const master = hls.url;
  const levelOf = (value) => hls.levels.findIndex((level) => `${level.width}x${level.height}` === value);
  const choose = (value) => {
    if (hls.url !== master) return;
    hls.currentLevel = value === 'auto' ? -1 : levelOf(value);
  };
  const levelsKnown = () => {
    if (hls.url !== master) return;
    for (const option of [...quality.options]) if (option.value !== 'auto' && levelOf(option.value) < 0) option.remove();
    quality.closest('p').hidden = quality.options.length < 3;
    const lowest = hls.levels[0];
    if (savesData() && lowest && quality.value === 'auto' && !status.dataset.said) {
      quality.value = `${lowest.width}x${lowest.height}`;
      status.dataset.said = 'true';
      status.textContent = status.dataset.saver;
    }
    // Set for the next fragment only: nothing buffered is thrown away (currentLevel would).
    if (quality.value !== 'auto') hls.loadLevel = levelOf(quality.value);
  };
  hls.on(Hls.Events.MANIFEST_PARSED, levelsKnown);
  if (hls.levels.length > 0) levelsKnown();
  return {
    choose,
    listen(on, sound) {
      const track = hls.audioTracks[hls.audioTrack];
      // The sound being heard, the described one included when it was chosen.
      const source = on ? (track?.url ?? sound) : master;
      keepPlace(media, () => {
        hls.config.startPosition = media.currentTime;
        hls.loadSource(source);
      });
    },
  };
}

/** Native HLS: the HLS master or the MP4 file; sound alone is the sound playlist as the source. */
function nativeEngine(media, quality) {
  const master = media.querySelector(`source[type="${HLS_TYPE}"]`)?.src.split('#')[0];
  for (const option of [...quality.options]) if (option.value !== 'auto' && option.value !== 'mp4') option.remove();
  quality.closest('p').hidden = quality.options.length < 2 || !master;
  const video = () => (quality.value === 'mp4' ? quality.selectedOptions[0].dataset.src : master);
  const play = (src) => keepPlace(media, () => { media.src = src; });
  return { choose: () => play(video()), listen: (on, sound) => play(on ? sound : video()) };
}

/** Changes what the element plays at the second it was at, playing on if it was, at its speed. */
function keepPlace(media, change) {
  const time = media.currentTime;
  const playing = !media.paused;
  const rate = media.playbackRate;
  change();
  media.addEventListener('loadedmetadata', () => {
    if (Math.abs(media.currentTime - time) > 0.25) media.currentTime = time;
    media.playbackRate = rate;
    if (playing) media.play().catch(() => {});
  }, { once: true });
}
